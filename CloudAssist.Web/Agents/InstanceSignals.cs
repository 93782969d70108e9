using System.Collections.Concurrent;

namespace CloudAssist.Web.Agents;

/// <summary>
/// Wakes an instance's held poll when work is queued for it. Arm before looking for work, then
/// wait on the returned task: a signal that lands in between completes it, so none is lost.
/// Waking costs one dictionary lookup, whatever the fleet size. Concurrent polls of one instance
/// share its waiter; an entry lives until its signal, so the map holds at most one per instance.
/// </summary>
public sealed class InstanceSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new();

    /// <summary>A task that completes at the instance's next signal.</summary>
    public Task Arm(string instanceId)
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _waiters.AddOrUpdate(instanceId, fresh, (_, existing) => existing.Task.IsCompleted ? fresh : existing);
        return current.Task;
    }

    /// <summary>Wakes the instance's held poll, if one is waiting.</summary>
    public void Signal(string instanceId)
    {
        if (_waiters.TryRemove(instanceId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>True when a poll of the instance is armed and no signal has reached it yet.</summary>
    public bool IsArmed(string instanceId) =>
        _waiters.TryGetValue(instanceId, out var waiter) && !waiter.Task.IsCompleted;
}
