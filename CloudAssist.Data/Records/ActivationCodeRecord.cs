namespace CloudAssist.Data.Records;

/// <summary>A secret that lets new agents register, with an expiry and a use limit.</summary>
public sealed record ActivationCodeRecord
{
    /// <summary>The id, <c>act-...</c>; not secret.</summary>
    public string Id { get; init; } = "";

    /// <summary>SHA-256 of the code; the code itself is shown once and never stored.</summary>
    public byte[] CodeHash { get; init; } = [];

    /// <summary>What the code is for.</summary>
    public string Description { get; init; } = "";

    /// <summary>How many instances may register with it.</summary>
    public int UsageLimit { get; init; }

    /// <summary>How many have.</summary>
    public int UsageCount { get; init; }

    /// <summary>After this time the code is refused.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>
    /// The address ranges an agent may register from, as comma-separated CIDR blocks
    /// (<c>10.0.0.0/8, ::1/128</c>); null when any address may.
    /// </summary>
    public string? AllowedRanges { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
