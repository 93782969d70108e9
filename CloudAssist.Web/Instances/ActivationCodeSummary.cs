using CloudAssist.Data.Records;

namespace CloudAssist.Web.Instances;

/// <summary>An activation code without its secret, with its status at the time it was read.</summary>
/// <param name="Status">Active, Expired, Used up or Revoked.</param>
public sealed record ActivationCodeSummary(
    string Id,
    string Description,
    int UsageLimit,
    int UsageCount,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset CreatedAt,
    string? AllowedRanges,
    string Status)
{
    public const string Active = "Active";
    public const string Expired = "Expired";
    public const string UsedUp = "Used up";
    public const string Revoked = "Revoked";

    public static ActivationCodeSummary From(ActivationCodeRecord code, DateTimeOffset now) => new(
        code.Id,
        code.Description,
        code.UsageLimit,
        code.UsageCount,
        code.ExpiresAt,
        code.RevokedAt,
        code.CreatedAt,
        code.AllowedRanges,
        StatusOf(code, now));

    /// <summary>
    /// Why a code would be refused now, in the order registration checks; Active when it would not.
    /// </summary>
    public static string StatusOf(ActivationCodeRecord code, DateTimeOffset now) =>
        code.RevokedAt is not null ? Revoked
        : code.ExpiresAt <= now ? Expired
        : code.UsageCount >= code.UsageLimit ? UsedUp
        : Active;
}
