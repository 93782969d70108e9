using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CloudAssist.Data.Storage;

/// <summary>Opens pooled connections to one SQLite file, with a busy timeout on each.</summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    /// <summary>Creates a factory for the file at <paramref name="path"/>.</summary>
    public SqliteConnectionFactory(string path, int busyTimeoutMilliseconds)
    {
        FilePath = System.IO.Path.GetFullPath(path);
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
        var connection = new SqliteConnection(_connectionString);
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
