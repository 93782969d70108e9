using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Audit;

namespace CloudAssist.Web.Security;

/// <summary>Personal API tokens: created and shown once, stored as SHA-256, acting with the owner's role.</summary>
public sealed class ApiTokenService(ApiTokenRepository tokens, UserRepository users, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// Every token starts with this, so the server tells one from an agent credential without a lookup.
    /// </summary>
    public const string Prefix = "ca-pat-";

    /// <summary>The longest lifetime a token may be given.</summary>
    public const int MaxDays = 366;

    /// <summary>Field errors for a new token, empty when acceptable.</summary>
    public static Dictionary<string, string[]> Validate(string? name, int? expiresInDays)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            errors["name"] = ["Name the token (1-100 characters), e.g. what script uses it."];
        }

        if (expiresInDays is < 1 or > MaxDays)
        {
            errors["expiresInDays"] = [$"Choose 1 to {MaxDays} days, or leave it empty for no expiry."];
        }

        return errors;
    }

    /// <summary>Creates a token for the user; the returned secret is the only copy.</summary>
    public async Task<(ApiTokenRecord Token, string Secret)> CreateAsync(
        string userId, string name, int? expiresInDays, AuditActor actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var secret = Secrets.New(Prefix);
        var token = new ApiTokenRecord
        {
            Id = Ids.New("tok"),
            UserId = userId,
            Name = name.Trim(),
            TokenHash = Secrets.Hash(secret),
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } days ? now.AddDays(days) : null,
        };
        await tokens.CreateAsync(token, ct, audit.Entry(
            actor, "api_token.created", "api_token", token.Id, $"Created API token '{token.Name}'",
            new { token.Name, token.UserId, token.ExpiresAt }));
        return (token, secret);
    }

    /// <summary>Revokes one of the user's tokens; false when it is not theirs or already revoked.</summary>
    public async Task<bool> RevokeAsync(string id, string userId, AuditActor actor, CancellationToken ct)
    {
        var entry = audit.Entry(actor, "api_token.revoked", "api_token", id, $"Revoked API token {id}", new { userId });
        return await tokens.RevokeAsync(id, userId, time.GetUtcNow(), ct, entry);
    }

    /// <summary>The user and token a presented secret stands for, or why it is refused.</summary>
    public async Task<(UserRecord? User, ApiTokenRecord? Token, string? Refusal)> AuthenticateAsync(
        string secret, CancellationToken ct)
    {
        // The lookup is by hash (an index seek on 256 random bits): nothing to compare byte by byte.
        var token = await tokens.FindByHashAsync(Secrets.Hash(secret), ct);
        var now = time.GetUtcNow();
        if (token is null)
        {
            return (null, null, "The API token is not recognised.");
        }

        if (token.RevokedAt is not null)
        {
            return (null, token, "The API token was revoked.");
        }

        if (token.ExpiresAt <= now)
        {
            return (null, token, "The API token has expired.");
        }

        var user = await users.GetAsync(token.UserId, ct);
        if (user is null || user.DisabledAt is not null)
        {
            return (null, token, "The token's owner is disabled.");
        }

        // Checked here first so a busy script's calls stay reads: an UPDATE takes SQLite's write lock even
        // when it changes no row.
        if (token.LastUsedAt is null || token.LastUsedAt < now.AddMinutes(-1))
        {
            await tokens.TouchAsync(token.Id, now, ct);
        }
        return (user, token, null);
    }
}
