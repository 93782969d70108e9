using CloudAssist.Data.Repositories;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Live;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Invocations;

/// <summary>
/// Ends tasks that no agent will report on, so none stays Pending or Running forever: never
/// fetched within the delivery timeout, or running long past its own timeout.
/// </summary>
public sealed partial class TaskReaper(
    TaskRepository tasks,
    ConsoleNotifier notifier,
    IOptions<AgentApiOptions> options,
    TimeProvider time,
    ILogger<TaskReaper> logger) : BackgroundService
{
    // Running tasks are judged only once agents have had a grace period to reach a restarted server.
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.ReaperIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReapOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReapFailed(logger, ex);
            }
        }
    }

    /// <summary>One sweep; public so tests can drive it.</summary>
    public async Task ReapOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var grace = TimeSpan.FromSeconds(settings.RunningGraceSeconds);
        var changes = await tasks.ReapAsync(
            now, now.AddSeconds(-settings.DeliveryTimeoutSeconds), grace, ct, includeRunning: now - _startedAt >= grace);
        foreach (var change in changes)
        {
            LogReaped(logger, change.TaskId, change.InstanceId);
            notifier.Publish(new TaskStatusChanged(change));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId} on {InstanceId} ended by the reaper: no report arrived in time")]
    private static partial void LogReaped(ILogger logger, string taskId, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reaper sweep failed")]
    private static partial void LogReapFailed(ILogger logger, Exception exception);
}
