using System.Diagnostics;
using CloudAssist.Contracts;

namespace CloudAssist.Agent.Execution;

/// <summary>
/// Runs one script in a session and process group of its own (through setsid), with stderr
/// merged into stdout by the kernel so the two keep their true order, and kills the whole group
/// on timeout, on stop, and when the script exits leaving children behind.
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
        Func<Task> started,
        CancellationToken stop,
        CancellationToken shutdown)
    {
        if (Interpreters.Resolve(assignment.CommandType) is not { } interpreter)
        {
            return Error(ErrorCodes.CommandNotApplicable, $"No interpreter for command type '{assignment.CommandType}' on this instance.");
        }

        var workingDirectory = string.IsNullOrWhiteSpace(assignment.WorkingDirectory)
            ? Path.GetDirectoryName(scriptPath)!
            : assignment.WorkingDirectory;
        if (!Directory.Exists(workingDirectory))
        {
            return Error(ErrorCodes.DirectoryNotExists, $"The working directory '{workingDirectory}' does not exist.");
        }

        using var process = Start(interpreter.Path, scriptPath, workingDirectory);

        // The timeout runs from the process start, not from the server's acknowledgement of it.
        var startedReport = started();
        var pump = PumpOutputAsync(process, outputPath);

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
        var finishedAt = time.GetUtcNow();
        await startedReport;

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

    private static Process Start(string interpreter, string scriptPath, string workingDirectory)
    {
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };

        // setsid makes the script's shell a session and group leader whose pid is the group id;
        // the inner sh merges stderr into the same pipe before exec'ing the interpreter.
        foreach (var argument in new[] { "/bin/sh", "-c", "exec \"$0\" \"$1\" 2>&1", interpreter, scriptPath })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("setsid did not start.");
        process.StandardInput.Close();
        return process;
    }

    private static async Task PumpOutputAsync(Process process, string outputPath)
    {
        var buffer = new byte[64 * 1024];
        await using var file = new FileStream(outputPath, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite,
            BufferSize = 0,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        var source = process.StandardOutput.BaseStream;
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, read));
        }
    }
}
