using Microsoft.Data.Sqlite;

namespace CloudAssist.Data.Storage;

/// <summary>A connection that holds the database file's writer turn until it is disposed.</summary>
internal sealed class WriterConnection(string connectionString, SemaphoreSlim turn) : SqliteConnection(connectionString)
{
    private int _released;

    protected override void Dispose(bool disposing)
    {
        try
        {
            base.Dispose(disposing);
        }
        finally
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
