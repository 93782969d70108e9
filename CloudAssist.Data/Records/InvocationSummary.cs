namespace CloudAssist.Data.Records;

/// <summary>One row of the execution records list: an invocation and how far its tasks are.</summary>
public sealed record InvocationSummary
{
    /// <summary>The invocation id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The saved command, if any.</summary>
    public string? CommandId { get; init; }

    /// <summary>The command's name at the time.</summary>
    public string CommandName { get; init; } = "";

    /// <summary>manual, schedule or reboot.</summary>
    public string TriggerKind { get; init; } = "";

    /// <summary>Who asked.</summary>
    public string CreatedBy { get; init; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The aggregated status.</summary>
    public InvocationStatus Status { get; init; }

    /// <summary>How many tasks.</summary>
    public int TaskCount { get; init; }

    /// <summary>How many tasks have ended, whatever their outcome.</summary>
    public int FinishedCount { get; init; }
}
