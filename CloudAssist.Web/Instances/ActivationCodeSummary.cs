using CloudAssist.Data.Records;

namespace CloudAssist.Web.Instances;

/// <summary>An activation code without its secret.</summary>
public sealed record ActivationCodeSummary(
    string Id,
    string Description,
    int UsageLimit,
    int UsageCount,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset CreatedAt)
{
    public static ActivationCodeSummary From(ActivationCodeRecord code) => new(
        code.Id, code.Description, code.UsageLimit, code.UsageCount, code.ExpiresAt, code.RevokedAt, code.CreatedAt);
}
