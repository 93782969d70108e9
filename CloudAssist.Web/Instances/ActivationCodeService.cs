using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Agents;

namespace CloudAssist.Web.Instances;

/// <summary>Creates activation codes; the code itself is returned once and only its hash is kept.</summary>
public sealed class ActivationCodeService(ActivationCodeRepository codes, TimeProvider time)
{
    public const int MaxUsageLimit = 10_000;
    public const int MaxLifetimeHours = 24 * 365;

    /// <summary>A new code with its id, or validation errors.</summary>
    public async Task<(CreatedActivationCode? Code, Dictionary<string, string[]> Errors)> CreateAsync(
        CreateActivationCodeRequest request,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.UsageLimit is < 1 or > MaxUsageLimit)
        {
            errors["usageLimit"] = [$"Allow from 1 to {MaxUsageLimit} instances."];
        }

        if (request.ValidForHours is < 1 or > MaxLifetimeHours)
        {
            errors["validForHours"] = [$"Give a lifetime from 1 to {MaxLifetimeHours} hours."];
        }

        if (request.Description is { Length: > 200 })
        {
            errors["description"] = ["At most 200 characters."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow();
        var secret = Secrets.New("ca-act-");
        var record = new ActivationCodeRecord
        {
            Id = Ids.New("act"),
            CodeHash = Secrets.Hash(secret),
            Description = request.Description?.Trim() ?? "",
            UsageLimit = request.UsageLimit,
            ExpiresAt = now.AddHours(request.ValidForHours),
            CreatedAt = now,
        };
        await codes.CreateAsync(record, ct);
        return (new CreatedActivationCode(record.Id, secret, record.UsageLimit, record.ExpiresAt), errors);
    }
}
