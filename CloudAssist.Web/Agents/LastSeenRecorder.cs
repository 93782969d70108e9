using System.Collections.Concurrent;
using CloudAssist.Data.Repositories;

namespace CloudAssist.Web.Agents;

/// <summary>
/// Keeps the polls' last-seen times in memory and stores them every few seconds in one
/// transaction, so an idle fleet's polls write nothing of their own. What the store shows lags
/// by at most <see cref="FlushInterval"/>; a poll that changes anything else about its instance
/// (boot id, agent version, interpreters) is still written at once.
/// </summary>
public sealed partial class LastSeenRecorder(
    InstanceRepository instances,
    TimeProvider time,
    ILogger<LastSeenRecorder> logger) : BackgroundService
{
    /// <summary>How often noted times are stored.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);

    /// <summary>Notes that <paramref name="instanceId"/> polled at <paramref name="seenAt"/>.</summary>
    public void Note(string instanceId, DateTimeOffset seenAt) =>
        _pending.AddOrUpdate(instanceId, seenAt, (_, earlier) => seenAt > earlier ? seenAt : earlier);

    /// <summary>Stores every time noted so far; public so tests can call it.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var noted = _pending.ToArray();
        if (noted.Length == 0)
        {
            return;
        }

        await instances.RecordSeenAsync(noted.Select(p => (p.Key, p.Value)).ToList(), cancellationToken);

        // Only what was stored goes: a time noted meanwhile is newer and waits for the next flush.
        foreach (var entry in noted)
        {
            _pending.TryRemove(entry);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushOrLogAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last times are stored below.
        }

        await FlushOrLogAsync(CancellationToken.None);
    }

    private async Task FlushOrLogAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next poll of each instance notes a newer time, so nothing needs to be kept for a retry.
            LogFlushFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing the instances' last-seen times failed")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
