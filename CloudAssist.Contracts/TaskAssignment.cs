namespace CloudAssist.Contracts;

/// <summary>One invocation task as the agent receives it.</summary>
/// <param name="TaskId">The invocation task's id, the key of every report about it.</param>
/// <param name="InvocationId">The invocation the task belongs to.</param>
/// <param name="CommandType">shell, bash, python or powershell.</param>
/// <param name="Content">The script, with parameters already resolved.</param>
/// <param name="WorkingDirectory">Where to run; the agent's state directory when empty.</param>
/// <param name="TimeoutSeconds">After this long the agent kills the script and reports Timeout.</param>
public sealed record TaskAssignment(
    string TaskId,
    string InvocationId,
    string CommandType,
    string Content,
    string? WorkingDirectory,
    int TimeoutSeconds);
