namespace CloudAssist.Contracts;

/// <summary>Sent once by a new agent to become an instance.</summary>
/// <param name="ActivationCode">The secret an administrator created for enrolling agents.</param>
/// <param name="Hostname">The machine's host name.</param>
/// <param name="Name">The instance name to show; the host name when empty.</param>
/// <param name="OsDescription">The operating system, as the runtime describes it.</param>
/// <param name="Addresses">The machine's non-loopback IP addresses.</param>
/// <param name="AgentVersion">The agent's version.</param>
public sealed record RegisterRequest(
    string ActivationCode,
    string Hostname,
    string? Name,
    string OsDescription,
    IReadOnlyList<string> Addresses,
    string AgentVersion);
