using System.Text.Json;
using CloudAssist.Data.Records;

namespace CloudAssist.Web.Instances;

/// <summary>An instance as the API and console show it: no credential hash, with its online state.</summary>
/// <param name="CredentialRotatedAt">When the agent last completed a credential rotation; null when never.</param>
/// <param name="CredentialRotationRequestedAt">When a rotation the agent has not completed yet was asked for.</param>
public sealed record InstanceView(
    string Id,
    string Name,
    string Hostname,
    string OsDescription,
    IReadOnlyList<string> Addresses,
    string AgentVersion,
    IReadOnlyList<string> Tags,
    DateTimeOffset RegisteredAt,
    DateTimeOffset LastSeenAt,
    bool Online,
    IReadOnlyList<string> Interpreters,
    DateTimeOffset? CredentialRotatedAt = null,
    DateTimeOffset? CredentialRotationRequestedAt = null)
{
    public static InstanceView From(InstanceRecord instance, DateTimeOffset now, int offlineAfterSeconds) => new(
        instance.Id,
        instance.Name,
        instance.Hostname,
        instance.OsDescription,
        instance.Addresses.Split(',', StringSplitOptions.RemoveEmptyEntries),
        instance.AgentVersion,
        JsonSerializer.Deserialize<string[]>(instance.TagsJson) ?? [],
        instance.RegisteredAt,
        instance.LastSeenAt,
        instance.DeregisteredAt is null && (now - instance.LastSeenAt).TotalSeconds <= offlineAfterSeconds,
        instance.Interpreters.Split(',', StringSplitOptions.RemoveEmptyEntries),
        instance.CredentialRotatedAt,
        instance.CredentialRotationRequestedAt);
}
