namespace CloudAssist.Data.Records;

/// <summary>One instance's share of an invocation.</summary>
public sealed record InvocationTaskRecord
{
    /// <summary>The id, <c>task-...</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>The invocation it belongs to.</summary>
    public string InvocationId { get; init; } = "";

    /// <summary>The instance it runs on.</summary>
    public string InstanceId { get; init; } = "";

    /// <summary>Its status.</summary>
    public InvocationTaskStatus Status { get; init; }

    /// <summary>The script's exit code, once known.</summary>
    public int? ExitCode { get; init; }

    /// <summary>For Error: the code that says why.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>For Error: a message for a person.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The timeout the task runs with.</summary>
    public int TimeoutSeconds { get; init; }

    /// <summary>When it was queued.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the agent last fetched it.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>When the script started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When a stop was requested.</summary>
    public DateTimeOffset? StopRequestedAt { get; init; }

    /// <summary>How many bytes of output the agent has reported.</summary>
    public long OutputReceived { get; init; }

    /// <summary>How many of those were dropped between the kept head and tail.</summary>
    public long OutputDropped { get; init; }

    /// <summary>True once the task can change no more.</summary>
    public bool IsFinished => Status is not (InvocationTaskStatus.Pending or InvocationTaskStatus.Running);
}
