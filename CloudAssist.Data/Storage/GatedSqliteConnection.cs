using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CloudAssist.Data.Storage;

/// <summary>
/// A SQLite connection whose transactions take turns through a gate its factory shares.
/// </summary>
/// <remarks>
/// SQLite admits one writer per file, and a transaction that finds the file locked sleeps and
/// retries inside the busy handler: with thousands of agents polling, writers slept while the
/// lock stood free and polls failed at the busy timeout. Waiting on the gate instead hands the
/// lock over the moment the previous holder closes its connection.
/// </remarks>
internal sealed class GatedSqliteConnection(string connectionString, SemaphoreSlim gate, TimeSpan wait)
    : SqliteConnection(connectionString)
{
    private bool _holdsGate;

    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(
        IsolationLevel isolationLevel,
        CancellationToken cancellationToken)
    {
        if (!_holdsGate)
        {
            _holdsGate = await gate.WaitAsync(wait, cancellationToken) ? true : throw Busy();
        }

        return base.BeginDbTransaction(isolationLevel);
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (!_holdsGate)
        {
            _holdsGate = gate.Wait(wait) ? true : throw Busy();
        }

        return base.BeginDbTransaction(isolationLevel);
    }

    /// <summary>Closing ends any open transaction, so the gate passes on here (Dispose closes too).</summary>
    public override void Close()
    {
        base.Close();
        if (_holdsGate)
        {
            _holdsGate = false;
            gate.Release();
        }
    }

    private TimeoutException Busy() => new($"The database stayed busy for {wait.TotalSeconds:F0} s; try again.");
}
