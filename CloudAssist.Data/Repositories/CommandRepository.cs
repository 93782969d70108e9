using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using Dapper;

namespace CloudAssist.Data.Repositories;

/// <summary>The command library.</summary>
public sealed class CommandRepository(IDbConnectionFactory connections)
{
    private const string Columns = """
        id, name, description, command_type, content, working_directory, timeout_seconds,
        parameters_json, created_at, updated_at
        """;

    /// <summary>Stores a new command, with its audit entry; false when its name is taken.</summary>
    public async Task<bool> CreateAsync(
        CommandRecord command, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        var rows = await connections.ExecuteAuditedAsync(
            $"""
            INSERT INTO commands ({Columns})
            SELECT @Id, @Name, @Description, @CommandType, @Content, @WorkingDirectory, @TimeoutSeconds,
                   @ParametersJson, @CreatedAt, @UpdatedAt
            WHERE NOT EXISTS (SELECT 1 FROM commands WHERE name = @Name)
            """,
            command,
            audit,
            cancellationToken);
        return rows == 1;
    }

    /// <summary>Replaces a command's fields, with its audit entry; false when it does not exist.</summary>
    public async Task<bool> UpdateAsync(
        CommandRecord command, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        var rows = await connections.ExecuteAuditedAsync(
            """
            UPDATE commands
            SET name = @Name, description = @Description, command_type = @CommandType,
                content = @Content, working_directory = @WorkingDirectory,
                timeout_seconds = @TimeoutSeconds, parameters_json = @ParametersJson,
                updated_at = @UpdatedAt
            WHERE id = @Id
            """,
            command,
            audit,
            cancellationToken);
        return rows == 1;
    }

    /// <summary>Deletes a command, with its audit entry; past invocations keep their own copy of it.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        var rows = await connections.ExecuteAuditedAsync(
            "DELETE FROM commands WHERE id = @id", new { id }, audit, cancellationToken);
        return rows == 1;
    }

    /// <summary>One command, or null.</summary>
    public async Task<CommandRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CommandRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM commands WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>True when another command than <paramref name="exceptId"/> has this name.</summary>
    public async Task<bool> NameExistsAsync(string name, string? exceptId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM commands WHERE name = @name AND (@exceptId IS NULL OR id <> @exceptId)",
            new { name, exceptId },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Commands whose name or description contains <paramref name="search"/>, by name.</summary>
    public async Task<IReadOnlyList<CommandRecord>> ListAsync(
        string? search,
        int limit,
        int offset,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var pattern = string.IsNullOrWhiteSpace(search) ? null : "%" + search.Trim().ToLowerInvariant() + "%";
        var rows = await connection.QueryAsync<CommandRecord>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM commands
            WHERE @pattern IS NULL OR LOWER(name) LIKE @pattern OR LOWER(description) LIKE @pattern
            ORDER BY name
            LIMIT @limit OFFSET @offset
            """,
            new { pattern, limit, offset },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
