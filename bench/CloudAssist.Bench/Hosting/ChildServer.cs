using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CloudAssist.Bench.Hosting;

/// <summary>
/// The server as its own process (<c>dotnet CloudAssist.Web.dll</c>), so that its CPU and memory
/// can be read from /proc apart from the simulator's.
/// </summary>
public sealed partial class ChildServer : IBenchServer
{
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly Queue<string> _lastLines = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildServer(Process process, string dataDirectory)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Url { get; private set; } = "";

    public int ProcessId => _process.Id;

    public string OperatorToken { get; private set; } = "";

    public static async Task<ChildServer> StartAsync(int pollHoldSeconds, CancellationToken cancellationToken)
    {
        var dataDirectory = ServerSettings.NewDataDirectory();
        var token = await BenchAdmin.SeedAsync(dataDirectory, cancellationToken);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CloudAssist.Web.dll"));
        info.ArgumentList.Add($"--contentRoot={RepositoryRoot.Path}");
        info.ArgumentList.Add("--Urls=http://127.0.0.1:0");
        foreach (var (key, value) in ServerSettings.For(dataDirectory, pollHoldSeconds))
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var server = new ChildServer(Process.Start(info)!, dataDirectory);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            server.Url = await server._listening.Task.WaitAsync(timeout.Token);
            server.OperatorToken = token;
            return server;
        }
        catch (OperationCanceledException)
        {
            var log = server.LastLines();
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server did not start listening within 60 s:\n{log}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        ServerSettings.DeleteDataDirectory(_dataDirectory);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(match.Groups[1].Value);
        }
        else if (_process.HasExited)
        {
            _listening.TrySetException(new InvalidOperationException($"The server exited:\n{LastLines()}"));
        }
    }

    /// <summary>Whether the server has exited, with its exit code and last log lines if so.</summary>
    public string Describe() =>
        _process.HasExited ? $"exited with code {_process.ExitCode}; its last lines:\n{LastLines()}" : "running";

    private string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
