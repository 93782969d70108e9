using System.Data.Common;

namespace CloudAssist.Data.Storage;

/// <summary>Opens connections to the store; each repository call opens and disposes its own.</summary>
public interface IDbConnectionFactory
{
    /// <summary>Opens a new connection for reading, ready for use.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens a new connection for a unit of work that writes. Writers take their turn in the
    /// process before they reach the store, so they queue without holding a thread; the turn
    /// passes on when the connection is disposed.
    /// </summary>
    Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction it may share with other callers' work, inside
    /// a savepoint of its own: what it writes is committed, or rolled back alone when it throws.
    /// The task ends once the commit is durable. For short, frequent writes, such as agent
    /// reports; <paramref name="work"/> must not open connections or transactions of its own.
    /// </summary>
    Task<T> WriteAsync<T>(
        Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken);
}
