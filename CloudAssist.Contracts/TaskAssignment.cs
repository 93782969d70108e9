namespace CloudAssist.Contracts;

/// <summary>One invocation task as the agent receives it.</summary>
/// <param name="TaskId">The invocation task's id, the key of every report about it.</param>
/// <param name="InvocationId">The invocation the task belongs to.</param>
/// <param name="CommandType">shell, bash, python or powershell.</param>
/// <param name="Content">The script, with parameters already resolved.</param>
/// <param name="WorkingDirectory">Where to run; the agent's state directory when empty.</param>
/// <param name="TimeoutSeconds">After this long the agent kills the script and reports Timeout.</param>
/// <param name="RunAs">The user to run the script as; null runs it as the agent's own user.</param>
/// <param name="Environment">Extra environment variables for the script.</param>
/// <param name="Masks">Secret values the agent replaces with asterisks in the output before it leaves the machine.</param>
/// <param name="File">For command type <c>file</c>: the file to write instead of running <paramref name="Content"/>.</param>
public sealed record TaskAssignment(
    string TaskId,
    string InvocationId,
    string CommandType,
    string Content,
    string? WorkingDirectory,
    int TimeoutSeconds,
    string? RunAs,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string>? Masks = null,
    FileTransfer? File = null);
