using CloudAssist.Agent;
using CloudAssist.Agent.Transport;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Instances;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.LocalAgent;

/// <summary>
/// Runs a real agent for the server's own machine, in process, so a fresh install has an
/// instance to run commands on. It enrolls like any agent: through a one-use activation code
/// and the HTTP agent API of this very server.
/// </summary>
public sealed partial class LocalAgentService(
    IOptions<LocalAgentOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    ActivationCodeService activationCodes,
    ILoggerFactory loggerFactory,
    string dataDirectory) : BackgroundService
{
    private AgentWorker? _worker;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            LogNotLinux(loggerFactory.CreateLogger<LocalAgentService>());
            return;
        }

        await WaitForStartAsync(stoppingToken);
        var stateDirectory = options.Value.StateDirectory ?? Path.Combine(dataDirectory, "local-agent");
        string? code = null;
        if (!File.Exists(Path.Combine(stateDirectory, "identity.json")))
        {
            var (created, _) = await activationCodes.CreateAsync(
                new CreateActivationCodeRequest("Local agent of the server", 1, 1), AuditActor.Server, stoppingToken);
            code = created!.Code;
        }

        var agentOptions = new AgentOptions
        {
            ServerUrl = LocalUrl(),
            ActivationCode = code,
            StateDirectory = stateDirectory,
            MaxConcurrentTasks = options.Value.MaxConcurrentTasks,
            InstanceName = Environment.MachineName + " (server)",
        };
        var http = new HttpClient { BaseAddress = new Uri(agentOptions.ServerUrl), Timeout = TimeSpan.FromSeconds(100) };
        _worker = new AgentWorker(
            Options.Create(agentOptions), new AgentApiClient(http), TimeProvider.System, loggerFactory.CreateLogger<AgentWorker>());
        await _worker.StartAsync(stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is not null && OperatingSystem.IsLinux())
        {
            await _worker.StopAsync(cancellationToken);
        }

        await base.StopAsync(cancellationToken);
    }

    private Task WaitForStartAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        ct.Register(() => started.TrySetCanceled(ct));
        return started.Task;
    }

    private string LocalUrl()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address to reach itself on.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri.ToString().TrimEnd('/');
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The local agent runs on Linux only; it stays off on this machine")]
    private static partial void LogNotLinux(ILogger logger);
}
