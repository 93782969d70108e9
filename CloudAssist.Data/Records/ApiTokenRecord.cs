namespace CloudAssist.Data.Records;

/// <summary>A personal API token. It acts as its owner with the owner's current role.</summary>
public sealed record ApiTokenRecord
{
    /// <summary>The id, <c>tok-...</c>; not secret.</summary>
    public string Id { get; init; } = "";

    /// <summary>The owner.</summary>
    public string UserId { get; init; } = "";

    /// <summary>What the token is for, e.g. "deploy script".</summary>
    public string Name { get; init; } = "";

    /// <summary>SHA-256 of the token; the token itself is shown once and never stored.</summary>
    public byte[] TokenHash { get; init; } = [];

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this time the token is refused; null for no expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When it last authenticated a request (updated at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>When it was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
}
