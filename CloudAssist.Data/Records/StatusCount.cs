namespace CloudAssist.Data.Records;

/// <summary>How many invocations had a status.</summary>
/// <param name="Status">The status.</param>
/// <param name="Count">How many.</param>
public sealed record StatusCount(InvocationStatus Status, int Count);
