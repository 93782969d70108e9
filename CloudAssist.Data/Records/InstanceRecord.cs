namespace CloudAssist.Data.Records;

/// <summary>A managed machine whose agent has registered.</summary>
public sealed record InstanceRecord
{
    /// <summary>The id, <c>i-...</c>; never reused.</summary>
    public string Id { get; init; } = "";

    /// <summary>The name shown in the console.</summary>
    public string Name { get; init; } = "";

    /// <summary>The machine's host name.</summary>
    public string Hostname { get; init; } = "";

    /// <summary>The operating system.</summary>
    public string OsDescription { get; init; } = "";

    /// <summary>IP addresses, comma separated.</summary>
    public string Addresses { get; init; } = "";

    /// <summary>The agent's version at its last poll.</summary>
    public string AgentVersion { get; init; } = "";

    /// <summary>Tags as a JSON array of strings.</summary>
    public string TagsJson { get; init; } = "[]";

    /// <summary>SHA-256 of the agent's credential; the credential itself is never stored.</summary>
    public byte[] CredentialHash { get; init; } = [];

    /// <summary>
    /// SHA-256 of the credential a rotation replaced, still accepted until the agent first uses
    /// its new one; null when no rotation is under way.
    /// </summary>
    public byte[]? PreviousCredentialHash { get; init; }

    /// <summary>When an operator asked for a new credential that the agent has not used yet.</summary>
    public DateTimeOffset? CredentialRotationRequestedAt { get; init; }

    /// <summary>When the agent last completed a credential rotation; null when it never did.</summary>
    public DateTimeOffset? CredentialRotatedAt { get; init; }

    /// <summary>The activation code the agent registered with.</summary>
    public string ActivationCodeId { get; init; } = "";

    /// <summary>The boot identifier from the agent's last poll.</summary>
    public string? BootId { get; init; }

    /// <summary>When the agent registered.</summary>
    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>When the agent last polled.</summary>
    public DateTimeOffset LastSeenAt { get; init; }

    /// <summary>When the instance was deregistered; its credential is refused from then on.</summary>
    public DateTimeOffset? DeregisteredAt { get; init; }

    /// <summary>The command types the agent can run here, comma separated, from its last poll.</summary>
    public string Interpreters { get; init; } = "";
}
