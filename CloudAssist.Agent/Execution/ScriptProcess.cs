using System.Diagnostics;
using CloudAssist.Contracts;

namespace CloudAssist.Agent.Execution;

/// <summary>
/// Runs one script in a session and process group of its own (through setsid), reading stdout
/// and stderr as they come and noting which is which, and kills the whole group on timeout, on
/// stop, and when the script exits leaving children behind.
/// </summary>
public sealed class ScriptProcess(TimeProvider time)
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(5);

    /// <summary>Runs the script and appends its output to <paramref name="outputPath"/>.</summary>
    /// <param name="started">Called once the process is running; runs alongside the script and must not throw.</param>
    /// <param name="stop">Cancelled when the server asks to stop the task.</param>
    /// <param name="shutdown">Cancelled when the agent itself is stopping.</param>
    public async Task<ScriptResult> RunAsync(
        TaskAssignment assignment,
        string scriptPath,
        string outputPath,
        string streamsPath,
        Func<Task> started,
        CancellationToken stop,
        CancellationToken shutdown)
    {
        if (Interpreters.Resolve(assignment.CommandType) is not { } interpreter)
        {
            return Error(ErrorCodes.CommandNotApplicable, $"No interpreter for command type '{assignment.CommandType}' on this instance.");
        }

        UserAccount? account = null;
        if (!string.IsNullOrWhiteSpace(assignment.RunAs))
        {
            if (!UserAccount.CanSwitch())
            {
                return Error(ErrorCodes.PermissionDenied,
                    $"The agent runs as '{Environment.UserName}' and cannot switch to '{assignment.RunAs}'; run it as root.");
            }

            account = UserAccount.Find(assignment.RunAs);
            if (account is null)
            {
                return Error(ErrorCodes.AccountNotExists, $"There is no user '{assignment.RunAs}' on this instance.");
            }

            scriptPath = PrivateCopyFor(account, scriptPath);
        }

        var workingDirectory = string.IsNullOrWhiteSpace(assignment.WorkingDirectory)
            ? account is not null && Directory.Exists(account.Home) ? account.Home : Path.GetDirectoryName(scriptPath)!
            : assignment.WorkingDirectory;
        if (!Directory.Exists(workingDirectory))
        {
            return Error(ErrorCodes.DirectoryNotExists, $"The working directory '{workingDirectory}' does not exist.");
        }

        using var process = Start(interpreter.Path, scriptPath, workingDirectory, account, assignment.Environment);

        // The timeout runs from the process start, not from the server's acknowledgement of it.
        var startedReport = started();
        await using var sink = new OutputSink(outputPath, streamsPath, assignment.Masks ?? []);
        var pump = Task.WhenAll(
            PumpAsync(process.StandardOutput.BaseStream, StreamMark.Stdout, sink),
            PumpAsync(process.StandardError.BaseStream, StreamMark.Stderr, sink));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(assignment.TimeoutSeconds), time);
        using var any = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stop, shutdown);
        var killed = false;
        try
        {
            await process.WaitForExitAsync(any.Token);
        }
        catch (OperationCanceledException)
        {
            killed = true;
            ProcessGroup.Kill(process.Id);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        // Whatever the script left running in its group does not outlive the task.
        ProcessGroup.Kill(process.Id);
        await Task.WhenAny(pump, Task.Delay(DrainLimit, CancellationToken.None));
        sink.Complete();
        var finishedAt = time.GetUtcNow();
        await startedReport;
        if (account is not null)
        {
            RemovePrivateCopy(scriptPath);
        }

        if (!killed)
        {
            return new ScriptResult(TaskOutcome.Exited, process.ExitCode, null, null, finishedAt);
        }

        if (stop.IsCancellationRequested)
        {
            return new ScriptResult(TaskOutcome.Terminated, process.ExitCode, null, null, finishedAt);
        }

        if (shutdown.IsCancellationRequested)
        {
            return new ScriptResult(TaskOutcome.Error, process.ExitCode, ErrorCodes.ExecutionInterrupted,
                "The agent was stopped while the script ran.", finishedAt);
        }

        return new ScriptResult(TaskOutcome.TimedOut, process.ExitCode, null,
            $"Killed after its timeout of {assignment.TimeoutSeconds} s.", finishedAt);

        ScriptResult Error(string code, string message) =>
            new(TaskOutcome.Error, null, code, message, time.GetUtcNow());
    }

    private static Process Start(
        string interpreter,
        string scriptPath,
        string workingDirectory,
        UserAccount? account,
        IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        // setsid makes the interpreter a session and group leader whose pid is the group id;
        // setpriv, for run-as, drops to the user with its groups.
        if (account is not null)
        {
            info.Environment["HOME"] = account.Home;
            info.Environment["USER"] = account.Name;
            info.Environment["LOGNAME"] = account.Name;
            foreach (var argument in new[] { "setpriv", $"--reuid={account.Uid}", $"--regid={account.Gid}", "--init-groups" })
            {
                info.ArgumentList.Add(argument);
            }
        }

        info.ArgumentList.Add(interpreter);
        info.ArgumentList.Add(scriptPath);

        var process = Process.Start(info) ?? throw new InvalidOperationException("setsid did not start.");
        process.StandardInput.Close();
        return process;
    }

    /// <summary>
    /// A copy of the script the run-as user can read and nobody else can: in a fresh folder under
    /// the temp directory owned by that user. The folder is left for the next start's cleanup only
    /// if the agent dies; normally <see cref="RemovePrivateCopy"/> removes it.
    /// </summary>
    private static string PrivateCopyFor(UserAccount account, string scriptPath)
    {
        var directory = Directory.CreateTempSubdirectory("cloudassist-");
        var copy = Path.Combine(directory.FullName, Path.GetFileName(scriptPath));
        File.Copy(scriptPath, copy);
        File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Chown(copy, account);
        Chown(directory.FullName, account);
        return copy;
    }

    /// <summary>Removes the run-as copy made by <see cref="PrivateCopyFor"/>, if this is one.</summary>
    public static void RemovePrivateCopy(string scriptPath)
    {
        var directory = Path.GetDirectoryName(scriptPath);
        if (directory is not null && Path.GetFileName(directory).StartsWith("cloudassist-", StringComparison.Ordinal)
            && directory.StartsWith(Path.GetTempPath(), StringComparison.Ordinal))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Chown(string path, UserAccount account)
    {
        var info = new ProcessStartInfo("chown") { UseShellExecute = false };
        info.ArgumentList.Add($"{account.Uid}:{account.Gid}");
        info.ArgumentList.Add(path);
        using var process = Process.Start(info)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown of {path} to {account.Name} failed.");
        }
    }

    private static async Task PumpAsync(Stream source, string stream, OutputSink sink)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            sink.Write(stream, buffer.AsSpan(0, read));
        }
    }
}
