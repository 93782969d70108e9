using CloudAssist.Contracts;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Live;

namespace CloudAssist.Web.Instances;

/// <summary>
/// What an operator does to an instance's credential, for the API and the console alike: ask for a
/// rotation, or deregister the instance and so revoke its credential. Either wakes the instance's
/// held poll, so the agent learns of it at once rather than at the end of the hold.
/// </summary>
public sealed class InstanceCredentials(
    InstanceRepository instances,
    TaskRepository tasks,
    InstanceSignals signals,
    ConsoleNotifier notifier,
    TimeProvider time)
{
    /// <summary>
    /// Asks the agent for a rotation at its next poll, storing <paramref name="audit"/> with the
    /// request; false when the instance is not registered.
    /// </summary>
    public async Task<bool> RequestRotationAsync(string id, CancellationToken ct, AuditEntry? audit = null) =>
        Changed(id, await instances.RequestCredentialRotationAsync(id, time.GetUtcNow(), ct, audit));

    /// <summary>
    /// Deregisters the instance, refusing its credential from now on, and ends its open tasks
    /// (Error, InstanceOffline), as its agent can no longer report on them; false when not registered.
    /// <paramref name="audit"/> is stored with the deregistration.
    /// </summary>
    public async Task<bool> DeregisterAsync(string id, CancellationToken ct, AuditEntry? audit = null)
    {
        var now = time.GetUtcNow();
        if (!Changed(id, await instances.DeregisterAsync(id, now, ct, audit)))
        {
            return false;
        }

        var ended = await instances.EndOpenTasksAsync(
            id, ErrorCodes.InstanceOffline, "The instance was deregistered.", now, CancellationToken.None);
        foreach (var change in ended)
        {
            notifier.Publish(new TaskStatusChanged(change));
        }

        // A rollout with a concurrency limit has free slots now: wake the instances waiting for one.
        foreach (var invocationId in ended.Select(c => c.InvocationId).Distinct())
        {
            foreach (var waiting in await tasks.WaitingInstancesAsync(invocationId, CancellationToken.None))
            {
                signals.Signal(waiting);
            }
        }

        return true;
    }

    private bool Changed(string id, bool changed)
    {
        if (changed)
        {
            signals.Signal(id);
            notifier.Publish(new InstanceChanged(id));
        }

        return changed;
    }
}
