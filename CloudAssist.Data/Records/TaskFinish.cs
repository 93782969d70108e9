namespace CloudAssist.Data.Records;

/// <summary>A task's final state, as written by <c>TaskRepository.FinishAsync</c>.</summary>
/// <param name="Status">A final status: anything but Pending and Running.</param>
/// <param name="ExitCode">The exit code, when there is one.</param>
/// <param name="ErrorCode">For Error: the code.</param>
/// <param name="ErrorMessage">For Error: the message.</param>
/// <param name="FinishedAt">When it ended.</param>
public sealed record TaskFinish(
    InvocationTaskStatus Status,
    int? ExitCode,
    string? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset FinishedAt);
