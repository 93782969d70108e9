using CloudAssist.Contracts;

namespace CloudAssist.Agent.Execution;

/// <summary>How a script run ended; stored as result.json until the server accepts it.</summary>
public sealed record ScriptResult(
    TaskOutcome Outcome,
    int? ExitCode,
    string? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset FinishedAt);
