namespace CloudAssist.Web.Schedules;

/// <summary>
/// Wakes the scheduler's loop when a schedule changes, so a new or resumed schedule's first run
/// is not left waiting for a sleep computed before it existed.
/// </summary>
public sealed class ScheduleWakeup
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next <see cref="Signal"/>.</summary>
    public Task Arm() => Volatile.Read(ref _next).Task;

    /// <summary>Wakes the loop.</summary>
    public void Signal()
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _next, fresh).TrySetResult();
    }
}
