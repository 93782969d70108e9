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
        });
        services.AddHostedService<AgentWorker>();
        return services;
    }
}
