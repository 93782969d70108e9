using System.Text.Json;
using System.Text.Json.Serialization;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;

namespace CloudAssist.Web.Audit;

/// <summary>
/// Writes audit entries. Called after an action has been stored, by the services that the API and
/// the console share, so both are audited by one code path.
/// </summary>
public sealed partial class AuditLog(AuditRepository entries, TimeProvider time, ILogger<AuditLog> logger)
{
    /// <summary>How secret values (parameter values and defaults) appear in details.</summary>
    public const string Mask = "***";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Appends an entry. The action it records has already happened, so a failed write does not
    /// undo or fail it: the entry is logged at Error level, in full, for an operator to act on
    /// (see docs/decisions.md). The write takes no cancellation token for the same reason: a
    /// caller that gave up after the change was made must still leave its entry.
    /// </summary>
    /// <param name="action">What was done, as <c>kind.verb</c>: <c>command.updated</c>.</param>
    /// <param name="details">Serialized as JSON; must never hold a secret.</param>
    public async Task RecordAsync(
        AuditActor actor,
        string action,
        string targetKind,
        string? targetId,
        string summary,
        object? details)
    {
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor.Name,
            Action = action,
            TargetKind = targetKind,
            TargetId = targetId,
            Summary = summary,
            DetailsJson = details is null ? null : JsonSerializer.Serialize(details, Json),
            SourceAddress = actor.Address,
        };
        try
        {
            await entries.AppendAsync(entry, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogNotWritten(logger, ex, entry.Actor, entry.Action, entry.TargetKind, entry.TargetId, entry.Summary,
                entry.DetailsJson, entry.SourceAddress, entry.At);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entry not written: {Actor} {Action} {TargetKind} "
        + "{TargetId}: {Summary}; details {Details}; from {SourceAddress} at {At:O}")]
    private static partial void LogNotWritten(
        ILogger logger,
        Exception exception,
        string actor,
        string action,
        string targetKind,
        string? targetId,
        string summary,
        string? details,
        string? sourceAddress,
        DateTimeOffset at);
}
