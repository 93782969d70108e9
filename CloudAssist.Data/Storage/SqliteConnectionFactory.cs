using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CloudAssist.Data.Storage;

/// <summary>
/// Opens pooled connections to one SQLite file, with a busy timeout on each. Writers queue for
/// one turn per file in this process: SQLite admits one writer at a time, and a writer that
/// finds the file locked sleeps on a pool thread and polls, which under load costs far more
/// than the writes themselves.
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriterTurns = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _writerTurn;
    private readonly TimeSpan _busyTimeout;
    private readonly GroupCommit _groupCommit;

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
        _busyTimeout = TimeSpan.FromMilliseconds(busyTimeoutMilliseconds);
        _writerTurn = WriterTurns.GetOrAdd(FilePath, _ => new SemaphoreSlim(1, 1));
        _groupCommit = new GroupCommit(_writerTurn, OpenForBatchAsync);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        PrepareAsync(new SqliteConnection(_connectionString), cancellationToken);

    /// <inheritdoc />
    public async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        if (!await _writerTurn.WaitAsync(_busyTimeout, cancellationToken))
        {
            throw new TimeoutException(
                $"The database stayed busy with other writes for {_busyTimeout.TotalSeconds:F0} s; try again.");
        }

        return await PrepareAsync(new WriterConnection(_connectionString, _writerTurn), cancellationToken);
    }

    /// <inheritdoc />
    public Task<T> WriteAsync<T>(
        Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken) =>
        _groupCommit.RunAsync(work, cancellationToken);

    private async Task<SqliteConnection> OpenForBatchAsync(CancellationToken cancellationToken) =>
        (SqliteConnection)await PrepareAsync(new SqliteConnection(_connectionString), cancellationToken);

    private async Task<DbConnection> PrepareAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
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
