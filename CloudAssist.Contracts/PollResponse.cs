namespace CloudAssist.Contracts;

/// <summary>The work the server has for the polling agent; both lists empty when the hold ran out.</summary>
/// <param name="Tasks">Tasks to start. A task may be delivered more than once; agents ignore repeats.</param>
/// <param name="Stops">Ids of running tasks the agent must kill and report as Terminated.</param>
/// <param name="RotateCredential">
/// An operator asked for a new credential: fetch one from <see cref="AgentRoutes.Credential"/>, store
/// it, and use it from then on. Stays true until the server has seen the new credential in use.
/// </param>
public sealed record PollResponse(
    IReadOnlyList<TaskAssignment> Tasks,
    IReadOnlyList<string> Stops,
    bool RotateCredential = false);
