using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using Dapper;

namespace CloudAssist.Data.Repositories;

/// <summary>Activation codes. Their use is counted when an instance registers.</summary>
public sealed class ActivationCodeRepository(IDbConnectionFactory connections)
{
    private const string Columns =
        "id, code_hash, description, usage_limit, usage_count, expires_at, revoked_at, created_at, allowed_ranges";

    /// <summary>Stores a new code, with its audit entry.</summary>
    public async Task CreateAsync(
        ActivationCodeRecord code, CancellationToken cancellationToken, AuditEntry? audit = null) =>
        await connections.ExecuteAuditedAsync(
            $"""
            INSERT INTO activation_codes ({Columns})
            VALUES (@Id, @CodeHash, @Description, @UsageLimit, @UsageCount, @ExpiresAt, @RevokedAt, @CreatedAt,
                    @AllowedRanges)
            """,
            code,
            audit,
            cancellationToken);

    /// <summary>The code with this hash, or null.</summary>
    public async Task<ActivationCodeRecord?> FindByHashAsync(byte[] codeHash, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ActivationCodeRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM activation_codes WHERE code_hash = @codeHash",
            new { codeHash },
            cancellationToken: cancellationToken));
    }

    /// <summary>One code by id, or null.</summary>
    public async Task<ActivationCodeRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ActivationCodeRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM activation_codes WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Every code, newest first.</summary>
    public async Task<IReadOnlyList<ActivationCodeRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ActivationCodeRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM activation_codes ORDER BY created_at DESC", cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Revokes a code, with its audit entry; false when it does not exist or was already revoked.</summary>
    public async Task<bool> RevokeAsync(
        string id, DateTimeOffset now, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        var rows = await connections.ExecuteAuditedAsync(
            "UPDATE activation_codes SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL",
            new { id, now },
            audit,
            cancellationToken);
        return rows == 1;
    }
}
