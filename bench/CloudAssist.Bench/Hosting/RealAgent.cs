using System.Diagnostics;
using System.Text.Json;

namespace CloudAssist.Bench.Hosting;

/// <summary>
/// A real CloudAssist.Agent process with a state directory of its own: <c>dotnet CloudAssist.Agent.dll</c>
/// from the bench's build, or a published agent executable.
/// </summary>
public sealed class RealAgent : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _stateDirectory;

    private RealAgent(Process process, string stateDirectory)
    {
        _process = process;
        _stateDirectory = stateDirectory;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string InstanceId { get; private set; } = "";

    public int ProcessId => _process.Id;

    /// <summary>
    /// The <c>--agent-executable</c> option: a published agent to run instead of the build's, checked
    /// before any server starts; null when not given.
    /// </summary>
    public static string? ExecutableOption(BenchArguments args)
    {
        var executable = args.Text("agent-executable");
        return executable is null || File.Exists(executable)
            ? executable
            : throw new ArgumentException($"--agent-executable: no file at {executable}; publish the agent first.");
    }

    /// <summary>Starts an agent with a one-use activation code and waits until it has registered.</summary>
    public static async Task<RealAgent> StartAsync(
        IBenchServer server,
        OperatorClient operators,
        CancellationToken cancellationToken,
        string? executable = null)
    {
        var code = await operators.CreateActivationCodeAsync(1, cancellationToken);
        var stateDirectory = ServerSettings.NewDataDirectory();
        var info = new ProcessStartInfo(executable is null ? "dotnet" : Path.GetFullPath(executable))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (executable is null)
        {
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CloudAssist.Agent.dll"));
        }

        foreach (var argument in new[]
                 {
                     $"--Agent:ServerUrl={server.Url}",
                     $"--Agent:ActivationCode={code}",
                     $"--Agent:StateDirectory={stateDirectory}",
                     "--Agent:InstanceName=bench-real-agent",
                     "--Logging:LogLevel:Default=Warning",
                 })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var agent = new RealAgent(Process.Start(info)!, stateDirectory);
        await agent.WaitForIdentityAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return agent;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        ServerSettings.DeleteDataDirectory(_stateDirectory);
    }

    private async Task WaitForIdentityAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_stateDirectory, "identity.json");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            if (_process.HasExited || clock.Elapsed > timeout)
            {
                await DisposeAsync();
                throw new InvalidOperationException($"The real agent did not register within {timeout.TotalSeconds:F0} s.");
            }

            await Task.Delay(50, cancellationToken);
        }

        using var identity = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        InstanceId = identity.RootElement.GetProperty("instanceId").GetString()!;
    }
}
