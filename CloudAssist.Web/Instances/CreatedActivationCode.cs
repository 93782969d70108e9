namespace CloudAssist.Web.Instances;

/// <summary>A created code. <see cref="Code"/> is shown this once; only its hash is stored.</summary>
public sealed record CreatedActivationCode(
    string Id,
    string Code,
    int UsageLimit,
    DateTimeOffset ExpiresAt,
    string? AllowedRanges = null);
