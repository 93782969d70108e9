using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CloudAssist.Data.Storage;

/// <summary>
/// Opens pooled connections to one SQLite file, with a busy timeout on each. Their
/// transactions run one at a time, queued in process (see <see cref="GatedSqliteConnection"/>).
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _transactionGate = new(1, 1);
    private readonly TimeSpan _busyTimeout;

    /// <summary>Creates a factory for the file at <paramref name="path"/>.</summary>
    public SqliteConnectionFactory(string path, int busyTimeoutMilliseconds)
    {
        FilePath = System.IO.Path.GetFullPath(path);
        _busyTimeout = TimeSpan.FromMilliseconds(busyTimeoutMilliseconds);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, busyTimeoutMilliseconds / 1000),
        }.ToString();
        _pragmas = $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON;";
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new GatedSqliteConnection(_connectionString, _transactionGate, _busyTimeout);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
