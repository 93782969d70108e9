namespace CloudAssist.Contracts;

/// <summary>The task's outcome. Sent after every output chunk has been accepted.</summary>
/// <param name="Outcome">How the script ended.</param>
/// <param name="ExitCode">The exit code, when the process exited or was killed.</param>
/// <param name="ErrorCode">For <see cref="TaskOutcome.Error"/>: a code such as ExecutionInterrupted.</param>
/// <param name="ErrorMessage">For <see cref="TaskOutcome.Error"/>: what went wrong, for a person.</param>
/// <param name="FinishedAt">When the process ended, by the agent's clock.</param>
/// <param name="OutputLength">The total bytes of output the task produced.</param>
public sealed record TaskFinishedReport(
    TaskOutcome Outcome,
    int? ExitCode,
    string? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset FinishedAt,
    long OutputLength);
