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
        var acked = 0L;
        if (result is null)
        {
            (result, acked) = assignment.File is { } file
                ? (await new FileDelivery(reporter, time, logger).RunAsync(assignment, file, journal, stop, shutdown), 0L)
                : await ExecuteAsync(assignment, journal, stop, shutdown);
            journal.WriteResult(result);
        }

        // Reporting outlives a stop request; only the agent's shutdown interrupts it, and the
        // journal lets the next start finish the job.
        await reporter.FinishAsync(assignment.TaskId, journal, result, acked, shutdown);
        journal.Delete();
        LogFinished(logger, assignment.TaskId, result.Outcome, result.ExitCode);
    }

    private async Task<(ScriptResult Result, long Acked)> ExecuteAsync(
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
            try
            {
                var answer = await reporter.StartedAsync(assignment.TaskId, time.GetUtcNow(), shutdown);
                if (answer.Stop)
                {
                    await stopNow.CancelAsync();
                }
            }
            catch (AgentApiException ex)
            {
                // The server no longer knows the task (deregistered, or reaped): running it is pointless.
                LogStartRefused(logger, assignment.TaskId, ex.Message);
                await stopNow.CancelAsync();
            }
            catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
            {
                // The agent is stopping; the script is killed and the journal keeps the result.
            }
        }

        var upload = StreamOutputAsync(assignment.TaskId, journal, running.Token);
        var result = await scripts.RunAsync(assignment, scriptPath, journal.OutputPath, journal.StreamsPath, OnStartedAsync, stopNow.Token, shutdown);
        await running.CancelAsync();
        return (result, await upload);
    }

    private async Task<long> StreamOutputAsync(string taskId, TaskJournal journal, CancellationToken running)
    {
        var acked = 0L;
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

        return acked;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server refused the start of task {TaskId}, so it is killed: {Reason}")]
    private static partial void LogStartRefused(ILogger logger, string taskId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} reported: {Outcome}, exit code {ExitCode}")]
    private static partial void LogFinished(ILogger logger, string taskId, TaskOutcome outcome, int? exitCode);
}
