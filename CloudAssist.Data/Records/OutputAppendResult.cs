namespace CloudAssist.Data.Records;

/// <summary>What happened to a reported output chunk.</summary>
public enum OutputAppendOutcome
{
    /// <summary>New bytes were stored (possibly only the part not seen before).</summary>
    Appended,

    /// <summary>Every byte had been stored already; nothing changed.</summary>
    Duplicate,

    /// <summary>The chunk starts past the end of what is stored; the agent must resend from <c>NextOffset</c>.</summary>
    Gap,

    /// <summary>The task has finished; no more output is taken.</summary>
    Finished,

    /// <summary>The instance has no such task.</summary>
    NotFound,
}

/// <summary>The outcome of appending output, and the offset the next chunk must start at.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="NextOffset">Total bytes received for the task after this call.</param>
/// <param name="InvocationId">The task's invocation, for notifications; empty when not found.</param>
public sealed record OutputAppendResult(OutputAppendOutcome Outcome, long NextOffset, string InvocationId);
