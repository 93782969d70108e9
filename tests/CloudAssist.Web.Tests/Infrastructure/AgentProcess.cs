using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CloudAssist.Web.Tests.Infrastructure;

/// <summary>
/// A real CloudAssist.Agent process with a state directory of its own: <c>dotnet CloudAssist.Agent.dll</c>
/// from this build, or the agent executable that <see cref="PublishedAgentVariable"/> names, so
/// the same tests can check a published (for example native, ahead-of-time compiled) agent.
/// </summary>
public sealed class AgentProcess : IAsyncDisposable
{
    /// <summary>An environment variable naming a published agent executable to run instead of the build's.</summary>
    public const string PublishedAgentVariable = "CLOUDASSIST_TEST_AGENT";

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private int _disposed;

    private AgentProcess(Process process, string stateDirectory)
    {
        _process = process;
        StateDirectory = stateDirectory;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string StateDirectory { get; }

    public string InstanceId { get; private set; } = "";

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts an agent that registers with a fresh activation code and waits until it has.</summary>
    public static async Task<AgentProcess> StartAsync(CloudAssistServer server, string name, params string[] extraArguments)
    {
        var agent = await LaunchAsync(server, name, extraArguments);
        var identityPath = Path.Combine(agent.StateDirectory, "identity.json");
        await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(identityPath) || agent._process.HasExited), ok => ok,
            TimeSpan.FromSeconds(30), $"agent {name} to register");
        if (agent._process.HasExited)
        {
            throw new InvalidOperationException($"Agent {name} exited: {agent.Log}");
        }

        using var identity = JsonDocument.Parse(await File.ReadAllTextAsync(identityPath));
        agent.InstanceId = identity.RootElement.GetProperty("instanceId").GetString()!;
        return agent;
    }

    /// <summary>Starts an agent with a fresh activation code, without waiting for it to register.</summary>
    public static async Task<AgentProcess> LaunchAsync(
        CloudAssistServer server, string name, params string[] extraArguments)
    {
        var code = await server.CreateActivationCodeAsync(1);
        var stateDirectory = Path.Combine(server.DataDirectory, "agent-" + name);
        return Launch(server, stateDirectory, name, [$"--Agent:ActivationCode={code}", .. extraArguments]);
    }

    /// <summary>
    /// Kills this agent and starts another on the same state directory, so the same instance comes
    /// back, as after a reboot; pass <c>--Agent:BootId=...</c> to make it look like one.
    /// </summary>
    public async Task<AgentProcess> RestartAsync(CloudAssistServer server, string name, params string[] extraArguments)
    {
        await DisposeAsync();
        var agent = Launch(server, StateDirectory, name, extraArguments);
        agent.InstanceId = InstanceId;
        return agent;
    }

    private static AgentProcess Launch(CloudAssistServer server, string stateDirectory, string name, string[] extraArguments)
    {
        var published = Environment.GetEnvironmentVariable(PublishedAgentVariable);
        var info = new ProcessStartInfo(string.IsNullOrEmpty(published) ? "dotnet" : published)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.IsNullOrEmpty(published))
        {
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CloudAssist.Agent.dll"));
        }

        foreach (var argument in new[]
                 {
                     $"--Agent:ServerUrl={server.Url}",
                     $"--Agent:StateDirectory={stateDirectory}",
                     $"--Agent:InstanceName={name}",
                     "--Agent:MaxBackoffSeconds=2",
                 }.Concat(extraArguments))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return new AgentProcess(Process.Start(info)!, stateDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
