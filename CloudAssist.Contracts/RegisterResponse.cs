namespace CloudAssist.Contracts;

/// <summary>The identity a registered agent keeps in its state directory.</summary>
/// <param name="InstanceId">The instance id, never reused.</param>
/// <param name="Credential">The bearer credential; the server keeps only its hash.</param>
public sealed record RegisterResponse(string InstanceId, string Credential);
