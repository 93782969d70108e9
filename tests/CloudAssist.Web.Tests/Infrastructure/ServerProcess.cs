using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CloudAssist.Web.Tests.Infrastructure;

/// <summary>
/// The built CloudAssist.Web started as its own process from the repository root, configured only
/// through environment variables the way an operator configures a service, in a temporary data
/// directory. For what an in-process host cannot show, such as Kestrel's endpoints as configuration
/// declares them.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServerProcess(Process process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string DataDirectory { get; }

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

    /// <summary>The addresses Kestrel said it listens on, as logged at start.</summary>
    public IReadOnlyList<string> Addresses => ListeningPattern().Matches(Log).Select(m => m.Groups[1].Value).ToList();

    /// <summary>
    /// Starts the server with <paramref name="environment"/> and waits until it listens on
    /// <paramref name="endpoints"/> addresses.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(IDictionary<string, string> environment, int endpoints)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("cloudassist-server-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CloudAssist.Web.dll"));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DataDirectory"] = dataDirectory;
        info.Environment["LocalAgent__Enabled"] = "false";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var server = new ServerProcess(Process.Start(info)!, dataDirectory);
        try
        {
            await Eventually.HoldsAsync(
                () => Task.FromResult(server.Addresses.Count >= endpoints || server._process.HasExited),
                ok => ok,
                TimeSpan.FromSeconds(60),
                $"the server to listen on {endpoints} addresses");
            if (server._process.HasExited)
            {
                throw new InvalidOperationException($"The server exited: {server.Log}");
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
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

    [GeneratedRegex("Now listening on: \"?(https?://[^\\s\"]+)")]
    private static partial Regex ListeningPattern();
}
