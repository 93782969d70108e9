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
    InstanceSignals signals,
    ConsoleNotifier notifier,
    TimeProvider time)
{
    /// <summary>Asks the agent for a rotation at its next poll; false when the instance is not registered.</summary>
    public async Task<bool> RequestRotationAsync(string id, CancellationToken ct) =>
        Changed(id, await instances.RequestCredentialRotationAsync(id, time.GetUtcNow(), ct));

    /// <summary>Deregisters the instance, refusing its credential from now on; false when not registered.</summary>
    public async Task<bool> DeregisterAsync(string id, CancellationToken ct) =>
        Changed(id, await instances.DeregisterAsync(id, time.GetUtcNow(), ct));

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
