namespace CloudAssist.Data.Records;

/// <summary>A task as an instance's page lists it: the task and its command's name.</summary>
public sealed record InstanceTaskSummary
{
    /// <summary>The task id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Its invocation.</summary>
    public string InvocationId { get; init; } = "";

    /// <summary>The command's name at the time.</summary>
    public string CommandName { get; init; } = "";

    /// <summary>The task's status.</summary>
    public InvocationTaskStatus Status { get; init; }

    /// <summary>The exit code, once known.</summary>
    public int? ExitCode { get; init; }

    /// <summary>When it was queued.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}
