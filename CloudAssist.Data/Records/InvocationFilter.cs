namespace CloudAssist.Data.Records;

/// <summary>Which invocations an execution-records search returns.</summary>
/// <param name="Status">Only this status, when given.</param>
/// <param name="Command">Only commands whose name contains this text, when given.</param>
/// <param name="From">Only invocations created at or after this time, when given.</param>
/// <param name="To">Only invocations created before this time, when given.</param>
public sealed record InvocationFilter(
    InvocationStatus? Status = null,
    string? Command = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null);
