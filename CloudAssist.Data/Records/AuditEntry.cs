namespace CloudAssist.Data.Records;

/// <summary>One row of the append-only audit log: who did what to which target, and when.</summary>
public sealed record AuditEntry
{
    /// <summary>The id, increasing in the order entries were appended; 0 before it is stored.</summary>
    public long Id { get; init; }

    /// <summary>When the action was done.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Who did it: a user name, or <c>scheduler</c> for scheduled runs.</summary>
    public string Actor { get; init; } = "";

    /// <summary>What was done, as <c>kind.verb</c>, e.g. <c>command.updated</c>.</summary>
    public string Action { get; init; } = "";

    /// <summary>The kind of thing acted on: command, invocation, schedule, instance, activation_code.</summary>
    public string TargetKind { get; init; } = "";

    /// <summary>The id of the thing acted on, when it has one.</summary>
    public string? TargetId { get; init; }

    /// <summary>One sentence for people.</summary>
    public string Summary { get; init; } = "";

    /// <summary>The particulars as JSON (before and after, hashes, targets); never a secret.</summary>
    public string? DetailsJson { get; init; }

    /// <summary>The network address the request came from, when it came over HTTP.</summary>
    public string? SourceAddress { get; init; }
}
