namespace CloudAssist.Contracts;

/// <summary>The work the server has for the polling agent; both lists empty when the hold ran out.</summary>
/// <param name="Tasks">Tasks to start. A task may be delivered more than once; agents ignore repeats.</param>
/// <param name="Stops">Ids of running tasks the agent must kill and report as Terminated.</param>
public sealed record PollResponse(IReadOnlyList<TaskAssignment> Tasks, IReadOnlyList<string> Stops);
