using System.Data.Common;

namespace CloudAssist.Data.Storage;

/// <summary>Opens connections to the store; each repository call opens and disposes its own.</summary>
public interface IDbConnectionFactory
{
    /// <summary>Opens a new connection, ready for use.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
