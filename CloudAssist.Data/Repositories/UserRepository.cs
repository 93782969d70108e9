using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using Dapper;

namespace CloudAssist.Data.Repositories;

/// <summary>Console users: creation, sign-in bookkeeping, role and state changes.</summary>
public sealed class UserRepository(IDbConnectionFactory connections)
{
    private const string Columns = """
        id, user_name, normalized_name, role, password_hash, security_stamp, failed_sign_ins, locked_until,
        created_at, updated_at, last_sign_in_at, disabled_at
        """;

    private const string Values = """
        @Id, @UserName, @NormalizedName, @Role, @PasswordHash, @SecurityStamp, @FailedSignIns, @LockedUntil,
        @CreatedAt, @UpdatedAt, @LastSignInAt, @DisabledAt
        """;

    /// <summary>How many users exist, disabled ones included.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM users", cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Stores the first user only while there is none, in one statement, so two racing set-up forms
    /// cannot both create an administrator; with its audit entry. False when a user already exists.
    /// </summary>
    public async Task<bool> CreateFirstAsync(
        UserRecord user, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        var rows = await connections.ExecuteAuditedAsync(
            $"INSERT INTO users ({Columns}) SELECT {Values} WHERE NOT EXISTS (SELECT 1 FROM users)",
            Parameters(user),
            audit,
            cancellationToken);
        return rows == 1;
    }

    /// <summary>Stores a user, with its audit entry; false when the name is taken.</summary>
    public async Task<bool> CreateAsync(UserRecord user, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        var rows = await connections.ExecuteAuditedAsync(
            $"INSERT INTO users ({Columns}) VALUES ({Values}) ON CONFLICT (normalized_name) DO NOTHING",
            Parameters(user),
            audit,
            cancellationToken);
        return rows == 1;
    }

    /// <summary>One user by id, or null.</summary>
    public async Task<UserRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>One user by normalized name, or null.</summary>
    public async Task<UserRecord?> FindByNameAsync(string normalizedName, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE normalized_name = @normalizedName",
            new { normalizedName },
            cancellationToken: cancellationToken));
    }

    /// <summary>Every user by name.</summary>
    public async Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM users ORDER BY normalized_name", cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Counts a failed sign-in; on the <paramref name="threshold"/>th in a row the account locks until
    /// <paramref name="lockUntil"/> and the count starts again. Returns the user as stored afterwards.
    /// </summary>
    public async Task<UserRecord?> RecordFailureAsync(
        string id, int threshold, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(new CommandDefinition(
            $"""
            UPDATE users SET
                locked_until = CASE WHEN failed_sign_ins + 1 >= @threshold THEN @lockUntil ELSE locked_until END,
                failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @threshold THEN 0 ELSE failed_sign_ins + 1 END
            WHERE id = @id
            RETURNING {Columns}
            """,
            new { id, threshold, lockUntil },
            cancellationToken: cancellationToken));
    }

    /// <summary>Records a successful sign-in and clears the failure count.</summary>
    public async Task RecordSignInAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = @now WHERE id = @id",
            new { id, now },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Replaces the user's role, password hash and disabled time as given, with a new security stamp,
    /// unless that would leave no enabled administrator; with its audit entry. False when refused or
    /// when the user is gone.
    /// </summary>
    public async Task<bool> UpdateAsync(UserRecord user, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        var rows = await connections.ExecuteAuditedAsync(
            """
            UPDATE users SET role = @Role, password_hash = @PasswordHash, security_stamp = @SecurityStamp,
                disabled_at = @DisabledAt, locked_until = @LockedUntil, failed_sign_ins = @FailedSignIns,
                updated_at = @UpdatedAt
            WHERE id = @Id
              AND (  (@Role = 'Administrator' AND @DisabledAt IS NULL)
                  OR EXISTS (SELECT 1 FROM users o WHERE o.id <> @Id AND o.role = 'Administrator'
                                                    AND o.disabled_at IS NULL))
            """,
            Parameters(user),
            audit,
            cancellationToken);
        return rows == 1;
    }

    private static object Parameters(UserRecord user) => new
    {
        user.Id,
        user.UserName,
        user.NormalizedName,
        Role = user.Role.ToString(),
        user.PasswordHash,
        user.SecurityStamp,
        user.FailedSignIns,
        user.LockedUntil,
        user.CreatedAt,
        user.UpdatedAt,
        user.LastSignInAt,
        user.DisabledAt,
    };
}
