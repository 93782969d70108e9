using CloudAssist.Web.Agents;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Commands;
using CloudAssist.Web.Files;
using CloudAssist.Web.Instances;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Live;
using CloudAssist.Web.LocalAgent;
using CloudAssist.Web.Schedules;
using CloudAssist.Web.Security;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Hosting;

internal static class ServiceHostingExtensions
{
    /// <summary>The dispatcher's parts, the notifier, the services shared by API and console, and the reaper.</summary>
    public static WebApplicationBuilder AddCloudAssistServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AgentApiOptions>()
            .Bind(builder.Configuration.GetSection(AgentApiOptions.SectionName))
            .Validate(o => o.PollHoldSeconds is >= 1 and <= 90, "AgentApi:PollHoldSeconds must be 1-90 (agents time out at 100 s).")
            .Validate(o => o.RedeliverAfterSeconds >= 1 && o.DeliveryTimeoutSeconds >= 1 && o.RunningGraceSeconds >= 0,
                "AgentApi timings must be positive.")
            .Validate(
                o => o.OfflineAfterSeconds > o.PollHoldSeconds + LastSeenRecorder.FlushInterval.TotalSeconds,
                "AgentApi:OfflineAfterSeconds must exceed PollHoldSeconds by more than 5 s "
                + "(last-seen is stored every 5 s).")
            .Validate(o => o.ReaperIntervalSeconds >= 1, "AgentApi:ReaperIntervalSeconds must be 1 or more.")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<InstanceSignals>();
        builder.Services.AddSingleton<LastSeenRecorder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LastSeenRecorder>());
        builder.Services.AddSingleton<ConsoleNotifier>();
        builder.Services.AddSingleton<InvocationService>();
        builder.Services.AddSingleton<CommandService>();
        builder.Services.AddSingleton<ActivationCodeService>();
        builder.Services.AddSingleton<InstanceService>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<InstanceCredentials>();
        builder.Services.AddSingleton<TaskReaper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TaskReaper>());
        builder.Services.AddSingleton<FileTransferService>();
        builder.Services.AddHostedService<FileContentPruner>();
        return builder;
    }

    /// <summary>The in-process agent for the server's own machine, when <c>LocalAgent:Enabled</c>.</summary>
    public static WebApplicationBuilder AddLocalAgent(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(LocalAgentOptions.SectionName);
        builder.Services.Configure<LocalAgentOptions>(section);
        if (section.GetValue<bool>(nameof(LocalAgentOptions.Enabled)))
        {
            var dataDirectory = StoreHostingExtensions.DataDirectory(builder);
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<LocalAgentService>(sp, dataDirectory));
        }

        return builder;
    }

    /// <summary>The operator API under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder app)
    {
        // Every endpoint needs at least a viewer; each change names the least role it needs. Antiforgery is off
        // because changes must carry an API token, which a cross-site request cannot.
        var api = app.MapGroup("/api/v1")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitMetadata(RequestLimits.MaxBodyBytes))
            .RequireAuthorization(Policies.Viewer)
            .AddEndpointFilter(TokenOnlyChanges.RequireAsync);
        api.MapCommandApi();
        api.MapInstanceApi();
        api.MapInvocationApi();
        api.MapScheduleApi();
        api.MapFileApi();
        api.MapAccountApi();
        api.MapAuditApi();
        return app;
    }
}
