using System.Text.Json;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Live;

namespace CloudAssist.Web.Instances;

/// <summary>Changes to registered instances; shared by the operator API and the console, and audited.</summary>
public sealed class InstanceService(
    InstanceRepository instances,
    InstanceCredentials credentials,
    ConsoleNotifier notifier,
    AuditLog audit)
{
    /// <summary>
    /// Deregisters an instance, revoking its credential at once and ending its open tasks; false when it
    /// is unknown or already deregistered.
    /// </summary>
    public Task<bool> DeregisterAsync(string id, AuditActor actor, CancellationToken ct) => ChangeAsync(
        id,
        actor,
        "instance.deregistered",
        entry => credentials.DeregisterAsync(id, ct, entry),
        before => (
            $"Instance {before.Name} ({before.Hostname}) deregistered",
            new { before.Name, before.Hostname, Tags = Tags(before.TagsJson) }),
        ct);

    /// <summary>
    /// Asks the instance's agent to rotate its credential at its next poll; false when not registered.
    /// </summary>
    public Task<bool> RequestRotationAsync(string id, AuditActor actor, CancellationToken ct) => ChangeAsync(
        id,
        actor,
        "instance.credential_rotation_requested",
        entry => credentials.RequestRotationAsync(id, ct, entry),
        before => ($"Credential rotation requested for instance {before.Name} ({before.Hostname})", null),
        ct);

    /// <summary>
    /// Replaces an instance's tags with <paramref name="tags"/>, already checked with
    /// <see cref="InstanceTags.Validate"/>; false when it is unknown or deregistered.
    /// </summary>
    public Task<bool> SetTagsAsync(string id, IReadOnlyList<string> tags, AuditActor actor, CancellationToken ct) =>
        ChangeAsync(
            id,
            actor,
            "instance.tags_changed",
            entry => instances.SetTagsAsync(id, JsonSerializer.Serialize(tags), ct, entry),
            before => (
                $"Tags of instance {before.Name} set to {(tags.Count == 0 ? "none" : string.Join(", ", tags))}",
                new { Before = Tags(before.TagsJson), After = tags }),
            ct);

    /// <summary>
    /// Makes <paramref name="change"/> to an existing instance, storing the audit entry it is
    /// given with it, and tells the console.
    /// </summary>
    private async Task<bool> ChangeAsync(
        string id,
        AuditActor actor,
        string action,
        Func<AuditEntry, Task<bool>> change,
        Func<InstanceRecord, (string Summary, object? Details)> describe,
        CancellationToken ct)
    {
        var before = await instances.GetAsync(id, ct);
        if (before is null)
        {
            return false;
        }

        var (summary, details) = describe(before);
        if (!await change(audit.Entry(actor, action, "instance", id, summary, details)))
        {
            return false;
        }

        notifier.Publish(new InstanceChanged(id));
        return true;
    }

    private static string[] Tags(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
