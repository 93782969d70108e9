using System.Text.Json;
using System.Text.Json.Serialization;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;

namespace CloudAssist.Web.Audit;

/// <summary>
/// Makes and writes audit entries, for the services that the API and the console share, so both
/// are audited by one code path. An entry for a change is made with <see cref="Entry"/> and handed
/// to the repository that stores the change, which commits both in one transaction; an event that
/// changes nothing else (a sign-in, a sign-out) is written with <see cref="RecordAsync"/>.
/// </summary>
public sealed partial class AuditLog(AuditRepository entries, TimeProvider time, ILogger<AuditLog> logger)
{
    /// <summary>How secret values (parameter values and defaults) appear in details.</summary>
    public const string Mask = "***";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>An entry for a change, stamped now, for the repository that stores the change.</summary>
    /// <param name="action">What was done, as <c>kind.verb</c>: <c>command.updated</c>.</param>
    /// <param name="details">Serialized as JSON; must never hold a secret.</param>
    public AuditEntry Entry(
        AuditActor actor,
        string action,
        string targetKind,
        string? targetId,
        string summary,
        object? details) =>
        new()
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

    /// <summary>
    /// Appends an entry for an event that has already happened and changed nothing the entry could
    /// share a transaction with. A failed write does not fail the event: the entry is logged at
    /// Error level, in full, for an operator to act on (see docs/decisions.md). The write takes no
    /// cancellation token for the same reason.
    /// </summary>
    public async Task RecordAsync(
        AuditActor actor,
        string action,
        string targetKind,
        string? targetId,
        string summary,
        object? details)
    {
        var entry = Entry(actor, action, targetKind, targetId, summary, details);
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
