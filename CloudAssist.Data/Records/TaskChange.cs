namespace CloudAssist.Data.Records;

/// <summary>What a task transition changed, so callers can tell the console.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="InvocationId">Its invocation.</param>
/// <param name="InstanceId">Its instance.</param>
/// <param name="TaskStatus">The task's status after the change.</param>
/// <param name="InvocationStatus">The invocation's status after the change.</param>
public sealed record TaskChange(
    string TaskId,
    string InvocationId,
    string InstanceId,
    InvocationTaskStatus TaskStatus,
    InvocationStatus InvocationStatus);
