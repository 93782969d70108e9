namespace CloudAssist.Contracts;

/// <summary>The error codes a task in the Error status carries.</summary>
public static class ErrorCodes
{
    /// <summary>The instance never fetched the task before the delivery deadline.</summary>
    public const string DeliveryTimeout = "DeliveryTimeout";

    /// <summary>The instance is deregistered or offline.</summary>
    public const string InstanceOffline = "InstanceOffline";

    /// <summary>The instance lacks the interpreter the command's type needs.</summary>
    public const string CommandNotApplicable = "CommandNotApplicable";

    /// <summary>The working directory does not exist on the instance.</summary>
    public const string DirectoryNotExists = "DirectoryNotExists";

    /// <summary>The run-as user does not exist on the instance.</summary>
    public const string AccountNotExists = "AccountNotExists";

    /// <summary>The agent's own user may not switch to the run-as user (the agent is not root).</summary>
    public const string PermissionDenied = "PermissionDenied";

    /// <summary>The run was lost: the agent restarted, or stopped reporting, while it ran.</summary>
    public const string ExecutionInterrupted = "ExecutionInterrupted";

    /// <summary>A file of that name is already in the target directory and overwriting was not allowed.</summary>
    public const string FileExists = "FileExists";

    /// <summary>The agent could not write the file (disk full, read-only file system, ...); the message says why.</summary>
    public const string FileWriteFailed = "FileWriteFailed";
}
