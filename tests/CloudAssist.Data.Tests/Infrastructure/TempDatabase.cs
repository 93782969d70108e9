using CloudAssist.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudAssist.Data.Tests.Infrastructure;

/// <summary>A real SQLite file in a temp directory of its own; the directory goes on dispose.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private const int BusyTimeoutMilliseconds = 5000;

    private readonly string _directory;

    private TempDatabase(string directory)
    {
        _directory = directory;
        FilePath = Path.Combine(directory, "cloudassist.db");
        Connections = new SqliteConnectionFactory(FilePath, BusyTimeoutMilliseconds);
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>The factory the repositories under test use.</summary>
    public SqliteConnectionFactory Connections { get; }

    /// <summary>A database migrated to the current schema.</summary>
    public static async Task<TempDatabase> CreateAsync()
    {
        var database = CreateEmpty();
        try
        {
            await CreateMigrationRunner(database.Connections).MigrateAsync(CancellationToken.None);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>A database whose file does not exist yet.</summary>
    public static TempDatabase CreateEmpty()
    {
        DapperConfiguration.Apply();
        var directory = Path.Combine(Path.GetTempPath(), "cloudassist-data-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new TempDatabase(directory);
    }

    /// <summary>A migration runner that logs nowhere.</summary>
    public static MigrationRunner CreateMigrationRunner(IDbConnectionFactory connections) =>
        new(connections, NullLogger<MigrationRunner>.Instance);

    /// <summary>A new factory on the same file, as a restarted server would open it.</summary>
    public SqliteConnectionFactory Reopen() => new(FilePath, BusyTimeoutMilliseconds);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the directory can go.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
