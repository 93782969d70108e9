using System.ComponentModel;
using System.Text;
using CloudAssist.Agent.Transport;
using CloudAssist.Contracts;
using Microsoft.Extensions.Logging;

namespace CloudAssist.Agent.Execution;

/// <summary>
/// Runs a file task: reports it started, writes the file unless the server stopped the task
/// meanwhile, and records the outcome with one line of output naming what was written.
/// </summary>
public sealed partial class FileDelivery(Reporter reporter, TimeProvider time, ILogger logger)
{
    public async Task<ScriptResult> RunAsync(
        TaskAssignment assignment,
        FileTransfer file,
        TaskJournal journal,
        CancellationToken stop,
        CancellationToken shutdown)
    {
        if (!await MayWriteAsync(assignment.TaskId, stop, shutdown))
        {
            return new ScriptResult(
                TaskOutcome.Terminated, null, null, "Stopped before the file was written.", time.GetUtcNow());
        }

        var written = Write(assignment.TaskId, file);
        if (!written.Succeeded)
        {
            return new ScriptResult(TaskOutcome.Error, null, written.ErrorCode, written.Message, time.GetUtcNow());
        }

        AppendOutput(journal, written.Message + "\n");
        return new ScriptResult(TaskOutcome.Exited, 0, null, null, time.GetUtcNow());
    }

    private async Task<bool> MayWriteAsync(string taskId, CancellationToken stop, CancellationToken shutdown)
    {
        try
        {
            var answer = await reporter.StartedAsync(taskId, time.GetUtcNow(), shutdown);
            return !answer.Stop && !stop.IsCancellationRequested;
        }
        catch (AgentApiException ex)
        {
            // The server no longer knows the task (deregistered, or reaped): the file is not written.
            LogStartRefused(logger, taskId, ex.Message);
            return false;
        }
    }

    /// <summary>Writes the file; anything unforeseen (no getent, say) still ends the task, as FileWriteFailed.</summary>
    private FileWriteResult Write(string taskId, FileTransfer file)
    {
        try
        {
            return FileWriter.Write(file);
        }
        catch (Exception ex) when (ex is Win32Exception or IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(logger, ex, taskId);
            return FileWriteResult.Failed(ErrorCodes.FileWriteFailed, ex.Message);
        }
    }

    private static void AppendOutput(TaskJournal journal, string text)
    {
        using var output = new FileStream(journal.OutputPath, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        output.Write(Encoding.UTF8.GetBytes(text));
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The server refused the start of file task {TaskId}, so the file is not written: {Reason}")]
    private static partial void LogStartRefused(ILogger logger, string taskId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the file of task {TaskId} failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string taskId);
}
