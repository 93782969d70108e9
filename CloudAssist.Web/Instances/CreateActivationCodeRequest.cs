namespace CloudAssist.Web.Instances;

/// <summary>A new activation code: how many instances may use it, for how long, and from where.</summary>
/// <param name="AllowedRanges">Comma-separated CIDR blocks agents may register from; null or blank for any.</param>
public sealed record CreateActivationCodeRequest(
    string? Description,
    int UsageLimit = 1,
    int ValidForHours = 24,
    string? AllowedRanges = null);
