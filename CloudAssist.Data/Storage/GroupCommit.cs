using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CloudAssist.Data.Storage;

/// <summary>
/// Runs short units of write work from many callers in shared transactions: whoever finds no batch
/// in progress starts one, which takes every unit queued by then, runs each inside a savepoint of
/// its own and commits once. A unit's caller hears back only after that commit, so an answer never
/// gets ahead of the disk; one fsync is paid per batch instead of per unit.
/// </summary>
internal sealed class GroupCommit(SemaphoreSlim writerTurn, Func<CancellationToken, Task<SqliteConnection>> open)
{
    /// <summary>Units per transaction at most, so one batch never holds the writer turn for long.</summary>
    internal const int MaxBatch = 128;

    private readonly ConcurrentQueue<IUnit> _queue = new();
    private int _draining;

    public Task<T> RunAsync<T>(
        Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var unit = new Unit<T>(work, cancellationToken);
        _queue.Enqueue(unit);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return unit.Completion;
    }

    private async Task DrainAsync()
    {
        var batch = new List<IUnit>(MaxBatch);
        while (true)
        {
            while (batch.Count < MaxBatch && _queue.TryDequeue(out var unit))
            {
                if (!unit.SkipIfCancelled())
                {
                    batch.Add(unit);
                }
            }

            if (batch.Count > 0)
            {
                await RunBatchAsync(batch);
                batch.Clear();
                continue;
            }

            // Let go, then look once more: a unit queued after the last look but before the
            // release found the flag still set and started no batch of its own.
            Volatile.Write(ref _draining, 0);
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task RunBatchAsync(List<IUnit> batch)
    {
        var done = new List<IUnit>(batch.Count);
        await writerTurn.WaitAsync();
        try
        {
            await using var connection = await open(CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var unit in batch)
            {
                if (await RunInSavepointAsync(unit, connection, transaction))
                {
                    done.Add(unit);
                }
            }

            await transaction.CommitAsync();
            done.ForEach(u => u.Succeed());
        }
        catch (Exception e)
        {
            // Nothing of the batch is stored: every unit that had not already failed on its own hears why.
            batch.ForEach(u => u.Fail(e));
        }
        finally
        {
            writerTurn.Release();
        }
    }

    /// <summary>Runs one unit; a unit that throws is rolled back alone and told so. False when it failed.</summary>
    private static async Task<bool> RunInSavepointAsync(
        IUnit unit,
        SqliteConnection connection,
        DbTransaction transaction)
    {
        await transaction.SaveAsync("unit");
        try
        {
            await unit.RunAsync(connection, transaction);
            await transaction.ReleaseAsync("unit");
            return true;
        }
        catch (Exception e)
        {
            await transaction.RollbackAsync("unit");
            await transaction.ReleaseAsync("unit");
            unit.Fail(e);
            return false;
        }
    }

    private interface IUnit
    {
        bool SkipIfCancelled();

        Task RunAsync(DbConnection connection, DbTransaction transaction);

        void Succeed();

        void Fail(Exception exception);
    }

    private sealed class Unit<T>(
        Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken) : IUnit
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Completion => _completion.Task;

        public bool SkipIfCancelled() =>
            cancellationToken.IsCancellationRequested && _completion.TrySetCanceled(cancellationToken);

        public async Task RunAsync(DbConnection connection, DbTransaction transaction) =>
            _result = await work(connection, transaction, cancellationToken);

        public void Succeed() => _completion.TrySetResult(_result!);

        public void Fail(Exception exception)
        {
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(cancellationToken);
            }
            else
            {
                _completion.TrySetException(exception);
            }
        }
    }
}
