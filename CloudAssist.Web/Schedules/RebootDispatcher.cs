using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;

namespace CloudAssist.Web.Schedules;

/// <summary>
/// Runs an instance's reboot schedules when its agent reports a new boot id: every-reboot ones
/// each time, next-reboot ones once per target, after which the schedule ends.
/// </summary>
public sealed partial class RebootDispatcher(
    ScheduleRepository schedules,
    ScheduleRunRepository runs,
    ScheduleFiring firing,
    TimeProvider time,
    ILogger<RebootDispatcher> logger)
{
    /// <summary>Fires the reboot schedules that target <paramref name="instanceId"/>; returns how many fired or were recorded.</summary>
    public async Task<int> DispatchAsync(string instanceId, CancellationToken ct)
    {
        var due = await schedules.ListRebootSchedulesAsync(instanceId, ct);
        LogReboot(logger, instanceId, due.Count);
        var handled = 0;
        foreach (var schedule in due)
        {
            var rebooted = schedule.Kind == ScheduleKind.NextReboot
                ? await runs.ListRebootedInstancesAsync(schedule.Id, schedule.UpdatedAt, ct)
                : [];
            if (rebooted.Contains(instanceId))
            {
                continue;
            }

            await firing.FireAsync(schedule, [instanceId], time.GetUtcNow(), instanceId, null, "", ct);
            handled++;
            var targets = ScheduleView.TargetsOf(schedule);
            if (schedule.Kind == ScheduleKind.NextReboot && targets.All(t => t == instanceId || rebooted.Contains(t)))
            {
                // Every target has had its next reboot: the schedule is done, as a one-off is.
                await schedules.SetEnabledAsync(schedule.Id, false, null, time.GetUtcNow(), ct);
            }
        }

        return handled;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} rebooted; {Count} reboot schedules target it")]
    private static partial void LogReboot(ILogger logger, string instanceId, int count);
}
