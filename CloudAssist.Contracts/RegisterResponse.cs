namespace CloudAssist.Contracts;

/// <summary>
/// The identity a registered agent keeps in its state directory: the answer to a registration, and
/// to a credential rotation, which keeps the instance id and brings a new credential.
/// </summary>
/// <param name="InstanceId">The instance id, never reused.</param>
/// <param name="Credential">The bearer credential; the server keeps only its hash.</param>
public sealed record RegisterResponse(string InstanceId, string Credential);
