namespace CloudAssist.Contracts;

/// <summary>How a task ended, as the agent saw it.</summary>
public enum TaskOutcome
{
    /// <summary>The script exited; the server maps exit code 0 to Success and others to Failed.</summary>
    Exited,

    /// <summary>The agent killed the script when its timeout passed.</summary>
    TimedOut,

    /// <summary>The agent killed the script because the server asked it to stop.</summary>
    Terminated,

    /// <summary>The script could not run, or its run was lost; see the error code.</summary>
    Error,
}
