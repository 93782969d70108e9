namespace CloudAssist.Agent.State;

/// <summary>What a registered agent keeps to prove who it is.</summary>
/// <param name="ServerUrl">The server it registered with.</param>
/// <param name="InstanceId">Its instance id.</param>
/// <param name="Credential">Its credential; readable by the agent's user only.</param>
public sealed record AgentIdentity(string ServerUrl, string InstanceId, string Credential);
