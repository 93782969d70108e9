using CloudAssist.Data.Records;

namespace CloudAssist.Web.Audit;

/// <summary>The audit API's query string: which entries to read or export.</summary>
public sealed record AuditQuery
{
    /// <summary>Entries at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Entries by this actor, by exact name.</summary>
    public string? Actor { get; init; }

    /// <summary>Actions starting with this text: <c>command.</c>, <c>schedule.paused</c>.</summary>
    public string? Action { get; init; }

    /// <summary>Entries about this kind of target: command, invocation, schedule, instance, activation_code.</summary>
    public string? TargetKind { get; init; }

    /// <summary>Entries about the target with this id.</summary>
    public string? TargetId { get; init; }

    /// <summary>Entries whose summary, target id or details contain this text.</summary>
    public string? Q { get; init; }

    public AuditFilter ToFilter() => new(From, To, Actor, Action, TargetKind, TargetId, Q);
}
