using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CloudAssist.Data.Storage;

/// <summary>
/// Brings a database to the current schema by applying the embedded <c>Migrations/NNNN_name.sql</c>
/// scripts in order, each inside a transaction that also records it in <c>schema_version</c>.
/// </summary>
public sealed class MigrationRunner(IDbConnectionFactory connections, ILogger<MigrationRunner> logger)
{
    /// <summary>The embedded scripts, ordered by their number.</summary>
    public static IReadOnlyList<(int Version, string Name)> Scripts { get; } = LoadScriptNames();

    /// <summary>The schema version this build expects.</summary>
    public static int CurrentVersion => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    /// <summary>Applies every script newer than the database's version; returns how many ran.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await PrepareAsync(connection, cancellationToken);

        var applied = (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT version FROM schema_version", cancellationToken: cancellationToken))).ToHashSet();
        var ran = 0;
        foreach (var (version, name) in Scripts.Where(s => !applied.Contains(s.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                ReadScript(name), transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @now)",
                new { version, name, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied schema migration {Version} {Name}", version, name);
            ran++;
        }

        return ran;
    }

    private static async Task PrepareAsync(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        if (connection is SqliteConnection)
        {
            // WAL lets the console read while agents write; it is a property of the file.
            await connection.ExecuteAsync(new CommandDefinition(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", cancellationToken: ct));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER NOT NULL PRIMARY KEY,
                name       TEXT    NOT NULL,
                applied_at INTEGER NOT NULL
            )
            """,
            cancellationToken: ct));
    }

    private static List<(int Version, string Name)> LoadScriptNames()
    {
        const string marker = ".Migrations.";
        return typeof(MigrationRunner).Assembly.GetManifestResourceNames()
            .Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[(n.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..])
            .Select(n => (Version: int.Parse(n.AsSpan(0, n.IndexOf('_')), provider: null), Name: n))
            .OrderBy(s => s.Version)
            .ToList();
    }

    private static string ReadScript(string name)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
