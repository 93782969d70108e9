using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Live;

namespace CloudAssist.Web.Instances;

/// <summary>
/// Creates, lists and revokes activation codes for the API and the console alike; the code itself
/// is returned once and only its hash is kept.
/// </summary>
public sealed class ActivationCodeService(
    ActivationCodeRepository codes,
    ConsoleNotifier notifier,
    AuditLog audit,
    TimeProvider time)
{
    public const int MaxUsageLimit = 10_000;
    public const int MaxLifetimeHours = 24 * 365;

    /// <summary>A new code with its id, or validation errors keyed by field.</summary>
    public async Task<(CreatedActivationCode? Code, Dictionary<string, string[]> Errors)> CreateAsync(
        CreateActivationCodeRequest request,
        AuditActor actor,
        CancellationToken ct)
    {
        var (ranges, errors) = Validate(request);
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
            AllowedRanges = ranges,
            CreatedAt = now,
        };

        // The code itself is never recorded: only what describes it.
        var entry = audit.Entry(
            actor,
            "activation_code.created",
            "activation_code",
            record.Id,
            $"Activation code {record.Id} created for {record.UsageLimit} instance(s)",
            new { record.Description, record.UsageLimit, record.ExpiresAt, record.AllowedRanges });
        await codes.CreateAsync(record, ct, entry);
        notifier.Publish(new ActivationCodesChanged());
        var created = new CreatedActivationCode(record.Id, secret, record.UsageLimit, record.ExpiresAt, ranges);
        return (created, errors);
    }

    /// <summary>Every code, newest first, with its status now.</summary>
    public async Task<List<ActivationCodeSummary>> ListAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return (await codes.ListAsync(ct)).Select(c => ActivationCodeSummary.From(c, now)).ToList();
    }

    /// <summary>Revokes a code; false when it does not exist or was revoked already.</summary>
    public async Task<bool> RevokeAsync(string id, AuditActor actor, CancellationToken ct)
    {
        var entry = audit.Entry(
            actor, "activation_code.revoked", "activation_code", id, $"Activation code {id} revoked", null);
        if (!await codes.RevokeAsync(id, time.GetUtcNow(), ct, entry))
        {
            return false;
        }

        notifier.Publish(new ActivationCodesChanged());
        return true;
    }

    private static (string? Ranges, Dictionary<string, string[]> Errors) Validate(CreateActivationCodeRequest request)
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

        var (ranges, rangeError) = AllowedRanges.Normalize(request.AllowedRanges);
        if (rangeError is not null || request.AllowedRanges is { Length: > 2000 })
        {
            errors["allowedRanges"] = [rangeError ?? "At most 2000 characters."];
        }

        return (ranges, errors);
    }
}
