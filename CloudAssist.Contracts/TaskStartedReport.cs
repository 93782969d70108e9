namespace CloudAssist.Contracts;

/// <summary>Says the script's process is running.</summary>
/// <param name="StartedAt">When the process started, by the agent's clock.</param>
public sealed record TaskStartedReport(DateTimeOffset StartedAt);
