using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using Dapper;

namespace CloudAssist.Data.Repositories;

/// <summary>Personal API tokens.</summary>
public sealed class ApiTokenRepository(IDbConnectionFactory connections)
{
    private const string Columns = "id, user_id, name, token_hash, created_at, expires_at, last_used_at, revoked_at";

    /// <summary>Stores a new token, with its audit entry.</summary>
    public async Task CreateAsync(
        ApiTokenRecord token, CancellationToken cancellationToken, AuditEntry? audit = null) =>
        await connections.ExecuteAuditedAsync(
            $"""
            INSERT INTO api_tokens ({Columns})
            VALUES (@Id, @UserId, @Name, @TokenHash, @CreatedAt, @ExpiresAt, @LastUsedAt, @RevokedAt)
            """,
            token,
            audit,
            cancellationToken);

    /// <summary>The token with this hash, or null.</summary>
    public async Task<ApiTokenRecord?> FindByHashAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApiTokenRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM api_tokens WHERE token_hash = @tokenHash",
            new { tokenHash },
            cancellationToken: cancellationToken));
    }

    /// <summary>A user's tokens, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiTokenRecord>> ListForUserAsync(
        string userId,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiTokenRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM api_tokens WHERE user_id = @userId ORDER BY created_at DESC, id",
            new { userId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Notes a use, at most once a minute per token so a busy script does not write on every call.</summary>
    public async Task TouchAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE api_tokens SET last_used_at = @now
            WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @threshold)
            """,
            new { id, now, threshold = now.AddMinutes(-1) },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Revokes one of the user's tokens, with its audit entry; false when it is not theirs or already revoked.
    /// </summary>
    public async Task<bool> RevokeAsync(
        string id,
        string userId,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        AuditEntry? audit = null)
    {
        var rows = await connections.ExecuteAuditedAsync(
            "UPDATE api_tokens SET revoked_at = @now WHERE id = @id AND user_id = @userId AND revoked_at IS NULL",
            new { id, userId, now },
            audit,
            cancellationToken);
        return rows == 1;
    }
}
