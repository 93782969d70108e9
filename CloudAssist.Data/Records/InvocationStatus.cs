namespace CloudAssist.Data.Records;

/// <summary>The overall status of an invocation, aggregated from its tasks.</summary>
public enum InvocationStatus
{
    /// <summary>No task has started yet.</summary>
    Pending,

    /// <summary>Waiting for its schedule to fire.</summary>
    Scheduled,

    /// <summary>At least one task has started and some are not finished.</summary>
    Running,

    /// <summary>Every task succeeded.</summary>
    Success,

    /// <summary>Every task ended without success.</summary>
    Failed,

    /// <summary>Some tasks succeeded and some did not.</summary>
    PartialFailed,

    /// <summary>A stop was requested and some tasks are still running.</summary>
    Stopping,

    /// <summary>A stop was requested and every task has ended.</summary>
    Stopped,
}
