using CloudAssist.Agent.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CloudAssist.Agent;

/// <summary>Registers the agent in a host: its options, its HTTP client and the worker.</summary>
public static class AgentServiceCollectionExtensions
{
    /// <summary>Adds the agent, configured from the <c>Agent</c> section of <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddCloudAssistAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentOptions>()
            .Bind(configuration.GetSection(AgentOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.StateDirectory), "Agent:StateDirectory must be set.")
            .Validate(o => o.MaxConcurrentTasks is >= 1 and <= 256, "Agent:MaxConcurrentTasks must be 1 to 256.")
            .Validate(o => o.MaxBackoffSeconds is >= 1 and <= 3600, "Agent:MaxBackoffSeconds must be 1 to 3600.")
            .Validate(o => o.RefusedRetrySeconds is >= 1 and <= 86400, "Agent:RefusedRetrySeconds must be 1 to 86400.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>());
        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient<AgentApiClient>((provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<AgentOptions>>().Value;
            client.BaseAddress = new Uri(options.ServerUrl);
            client.Timeout = TimeSpan.FromSeconds(100); // Longer than any poll hold.
        }).ConfigurePrimaryHttpMessageHandler(PrimaryHandler);
        services.AddHostedService<AgentWorker>();
        return services;
    }

    /// <summary>
    /// The connection handler: the system's trust, widened by Agent:TrustedCertificatePath when it is set.
    /// </summary>
    private static SocketsHttpHandler PrimaryHandler(IServiceProvider provider)
    {
        var handler = new SocketsHttpHandler();
        var path = provider.GetRequiredService<IOptions<AgentOptions>>().Value.TrustedCertificatePath;
        if (!string.IsNullOrWhiteSpace(path))
        {
            // The options validator has read the file already; a failure here means it changed since.
            var trust = ServerCertificateTrust.Load(path, out var error)
                ?? throw new InvalidOperationException(error);
            handler.SslOptions.RemoteCertificateValidationCallback =
                (_, certificate, chain, errors) => trust.Validate(certificate, chain, errors);
        }

        return handler;
    }
}
