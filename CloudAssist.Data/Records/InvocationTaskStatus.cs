namespace CloudAssist.Data.Records;

/// <summary>The status of one instance's share of an invocation.</summary>
public enum InvocationTaskStatus
{
    /// <summary>Queued for the instance, not yet started.</summary>
    Pending,

    /// <summary>The agent has started the script.</summary>
    Running,

    /// <summary>The script exited with code 0.</summary>
    Success,

    /// <summary>The script exited with a non-zero code.</summary>
    Failed,

    /// <summary>The agent killed the script when its timeout passed.</summary>
    Timeout,

    /// <summary>Stopped before it started.</summary>
    Cancelled,

    /// <summary>Stopped while it ran; the agent killed it.</summary>
    Terminated,

    /// <summary>It could not run or its run was lost; the error code says why.</summary>
    Error,
}
