namespace CloudAssist.Contracts;

/// <summary>The server's answer to a started report.</summary>
/// <param name="Stop">True when the task was stopped meanwhile: the agent kills it at once.</param>
public sealed record TaskStartedResponse(bool Stop);
