using CloudAssist.Agent.Transport;
using CloudAssist.Contracts;
using Microsoft.Extensions.Logging;

namespace CloudAssist.Agent.Execution;

/// <summary>
/// Sends a task's reports, retrying with backoff until the server accepts them. Every call is
/// idempotent on the server, so a retry after a lost answer is always safe.
/// </summary>
public sealed partial class Reporter(AgentApiClient api, TimeSpan maxBackoff, ILogger logger)
{
    /// <summary>Sends every output byte from <paramref name="from"/> to the end of the file as it is now.</summary>
    public async Task<long> UploadOutputAsync(string taskId, TaskJournal journal, long from, CancellationToken ct)
    {
        var offset = from;
        while (true)
        {
            var chunk = journal.ReadOutput(offset, ProtocolLimits.MaxChunkBytes);
            if (chunk.Length == 0)
            {
                return offset;
            }

            var sentAt = offset;
            var streams = journal.ReadStreams(sentAt, sentAt + chunk.Length);
            var next = await RetryAsync(() => api.ReportOutputAsync(taskId, new OutputChunkReport(sentAt, chunk, streams), ct), ct);

            // The server says how much it holds: past our offset after a restart, or behind it after a gap.
            offset = next;
        }
    }

    /// <summary>Uploads the rest of the output, then the result, until the server takes both.</summary>
    public async Task FinishAsync(string taskId, TaskJournal journal, ScriptResult result, long acked, CancellationToken ct)
    {
        var offset = acked;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            offset = await UploadOutputAsync(taskId, journal, offset, ct);
            var report = new TaskFinishedReport(
                result.Outcome, result.ExitCode, result.ErrorCode, result.ErrorMessage, result.FinishedAt, journal.OutputLength());
            var resend = await RetryAsync(() => api.ReportFinishedAsync(taskId, report, ct), ct);
            if (resend is null)
            {
                return;
            }

            offset = resend.Value;
        }

        throw new InvalidOperationException($"The server kept asking for output of task {taskId} again.");
    }

    public Task<TaskStartedResponse> StartedAsync(string taskId, DateTimeOffset at, CancellationToken ct) =>
        RetryAsync(() => api.ReportStartedAsync(taskId, new TaskStartedReport(at), ct), ct);

    private async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(250), maxBackoff);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (IsTransient(ex, ct))
            {
                var delay = backoff.Next();
                LogRetrying(logger, delay.TotalMilliseconds, ex.Message);
                await Task.Delay(delay, ct);
            }
        }
    }

    private static bool IsTransient(Exception ex, CancellationToken ct) => ex switch
    {
        AgentApiException api => api.IsRetryable,
        HttpRequestException => true,
        TaskCanceledException => !ct.IsCancellationRequested,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report failed, retrying in {DelayMs:F0} ms: {Reason}")]
    private static partial void LogRetrying(ILogger logger, double delayMs, string reason);
}
