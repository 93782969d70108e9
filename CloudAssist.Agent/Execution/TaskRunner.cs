using CloudAssist.Agent.Transport;
using CloudAssist.Contracts;
using Microsoft.Extensions.Logging;

namespace CloudAssist.Agent.Execution;

/// <summary>Runs one task from its journal to its accepted result, streaming output while it runs.</summary>
public sealed partial class TaskRunner(
    Reporter reporter,
    ScriptProcess scripts,
    TimeProvider time,
    TimeSpan flushInterval,
    ILogger logger)
{
    public async Task RunAsync(TaskAssignment assignment, TaskJournal journal, CancellationToken stop, CancellationToken shutdown)
    {
        var result = journal.ReadResult();
        if (result is null)
        {
            result = await ExecuteAsync(assignment, journal, stop, shutdown);
            journal.WriteResult(result);
        }

        // Reporting outlives a stop request; only the agent's shutdown interrupts it, and the
        // journal lets the next start finish the job.
        await reporter.FinishAsync(assignment.TaskId, journal, result, 0, shutdown);
        journal.Delete();
        LogFinished(logger, assignment.TaskId, result.Outcome, result.ExitCode);
    }

    private async Task<ScriptResult> ExecuteAsync(
        TaskAssignment assignment,
        TaskJournal journal,
        CancellationToken stop,
        CancellationToken shutdown)
    {
        var extension = Interpreters.Resolve(assignment.CommandType)?.Extension ?? ".txt";
        var scriptPath = journal.WriteScript(assignment.Content, extension);
        using var stopNow = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var running = new CancellationTokenSource();

        async Task OnStartedAsync()
        {
            var answer = await reporter.StartedAsync(assignment.TaskId, time.GetUtcNow(), shutdown);
            if (answer.Stop)
            {
                await stopNow.CancelAsync();
            }
        }

        var upload = StreamOutputAsync(assignment.TaskId, journal, running.Token);
        var result = await scripts.RunAsync(assignment, scriptPath, journal.OutputPath, OnStartedAsync, stopNow.Token, shutdown);
        await running.CancelAsync();
        await upload;
        return result;
    }

    private async Task StreamOutputAsync(string taskId, TaskJournal journal, CancellationToken running)
    {
        long acked = 0;
        using var timer = new PeriodicTimer(flushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(running))
            {
                if (journal.OutputLength() > acked)
                {
                    acked = await reporter.UploadOutputAsync(taskId, journal, acked, running);
                }
            }
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // The script ended; FinishAsync sends whatever is left.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} reported: {Outcome}, exit code {ExitCode}")]
    private static partial void LogFinished(ILogger logger, string taskId, TaskOutcome outcome, int? exitCode);
}
