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
}
