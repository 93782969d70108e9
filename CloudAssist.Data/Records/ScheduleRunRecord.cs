namespace CloudAssist.Data.Records;

/// <summary>One entry of a schedule's history: a firing, a skip, a failure or missed runs.</summary>
public sealed record ScheduleRunRecord
{
    /// <summary>The id, <c>run-...</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>The schedule.</summary>
    public string ScheduleId { get; init; } = "";

    /// <summary>When the run was due; for missed runs, the first one missed.</summary>
    public DateTimeOffset DueAt { get; init; }

    /// <summary>When the scheduler recorded it.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>What became of it.</summary>
    public ScheduleRunOutcome Outcome { get; init; }

    /// <summary>The invocation it created, when it fired.</summary>
    public string? InvocationId { get; init; }

    /// <summary>For a reboot run: the instance that rebooted.</summary>
    public string? InstanceId { get; init; }

    /// <summary>A sentence for the operator: why it was skipped, what was missed, what failed.</summary>
    public string Detail { get; init; } = "";

    /// <summary>The invocation's status now; read from the invocation, not stored here.</summary>
    public InvocationStatus? InvocationStatus { get; init; }
}
