using System.Data.Common;
using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace CloudAssist.Data.Repositories;

/// <summary>
/// Task output, appended by byte offset so that a repeated or overlapping report stores each
/// byte once. One transaction per chunk, however many lines it holds.
/// </summary>
public sealed class OutputRepository(IDbConnectionFactory connections, IOptions<OutputOptions> options)
{
    private readonly int _headLimit = options.Value.MaxBytesPerTask / 2;
    private readonly int _tailLimit = options.Value.MaxBytesPerTask - (options.Value.MaxBytesPerTask / 2);

    /// <summary>
    /// Appends <paramref name="data"/>, which starts at <paramref name="offset"/> of the task's output;
    /// <paramref name="marks"/> say where in it the output switches between stdout and stderr.
    /// </summary>
    public Task<OutputAppendResult> AppendAsync(
        string taskId,
        string instanceId,
        long offset,
        byte[] data,
        CancellationToken cancellationToken,
        IReadOnlyList<OutputMark>? marks = null) =>
        connections.WriteAsync(
            (connection, transaction, token) =>
                AppendInAsync(connection, transaction, taskId, instanceId, offset, data, marks ?? [], token),
            cancellationToken);

    private async Task<OutputAppendResult> AppendInAsync(
        DbConnection connection,
        DbTransaction transaction,
        string taskId,
        string instanceId,
        long offset,
        byte[] data,
        IReadOnlyList<OutputMark> marks,
        CancellationToken cancellationToken)
    {
        var task = await connection.QuerySingleOrDefaultAsync<(string InvocationId, string Status, long OutputReceived)>(
            new CommandDefinition(
                """
                SELECT invocation_id, status, output_received FROM invocation_tasks
                WHERE id = @taskId AND instance_id = @instanceId
                """,
                new { taskId, instanceId },
                transaction,
                cancellationToken: cancellationToken));
        if (task.InvocationId is null)
        {
            return new OutputAppendResult(OutputAppendOutcome.NotFound, 0, "");
        }

        var received = task.OutputReceived;
        if (task.Status is not ("Running" or "Pending"))
        {
            return new OutputAppendResult(OutputAppendOutcome.Finished, received, task.InvocationId);
        }

        if (offset > received)
        {
            return new OutputAppendResult(OutputAppendOutcome.Gap, received, task.InvocationId);
        }

        var skip = received - offset;
        if (skip >= data.Length)
        {
            return new OutputAppendResult(OutputAppendOutcome.Duplicate, received, task.InvocationId);
        }

        var fresh = data.AsMemory((int)skip);
        var newReceived = received + fresh.Length;
        await StoreAsync(connection, transaction, taskId, received, fresh, cancellationToken);
        await StoreMarksAsync(connection, transaction, taskId, received, newReceived, marks, cancellationToken);
        await TrimTailAsync(connection, transaction, taskId, newReceived, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invocation_tasks SET output_received = @newReceived, output_dropped = @dropped WHERE id = @taskId",
            new { taskId, newReceived, dropped = Math.Max(0, newReceived - _headLimit - _tailLimit) },
            transaction,
            cancellationToken: cancellationToken));
        return new OutputAppendResult(OutputAppendOutcome.Appended, newReceived, task.InvocationId);
    }

    /// <summary>The stored output of a task, or null when there is no such task.</summary>
    public async Task<TaskOutput?> ReadAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var totals = (await connection.QueryAsync<(long OutputReceived, long OutputDropped)>(
            new CommandDefinition(
                "SELECT output_received, output_dropped FROM invocation_tasks WHERE id = @taskId",
                new { taskId },
                cancellationToken: cancellationToken))).AsList();
        if (totals.Count == 0)
        {
            return null;
        }

        var t = totals[0];

        var marks = await connection.QueryAsync<OutputMark>(new CommandDefinition(
            "SELECT byte_offset AS ByteOffset, stream AS Stream FROM task_output_streams WHERE task_id = @taskId ORDER BY byte_offset",
            new { taskId },
            cancellationToken: cancellationToken));
        var chunks = await connection.QueryAsync<(long ByteOffset, byte[] Data)>(new CommandDefinition(
            "SELECT byte_offset, data FROM task_output WHERE task_id = @taskId ORDER BY byte_offset",
            new { taskId },
            cancellationToken: cancellationToken));
        using var head = new MemoryStream();
        using var tail = new MemoryStream();
        foreach (var (byteOffset, data) in chunks)
        {
            // Nothing dropped means nothing to set apart: every byte belongs to the head.
            (byteOffset < _headLimit || t.OutputDropped == 0 ? head : tail).Write(data);
        }

        return new TaskOutput(head.ToArray(), tail.ToArray(), t.OutputReceived, t.OutputDropped, marks.AsList());
    }

    private async Task StoreAsync(
        DbConnection connection,
        DbTransaction transaction,
        string taskId,
        long start,
        ReadOnlyMemory<byte> fresh,
        CancellationToken cancellationToken)
    {
        // Split at the head limit so that head chunks never reach into the tail region.
        var pieces = new List<(long Offset, ReadOnlyMemory<byte> Bytes)>();
        if (start < _headLimit)
        {
            var headPart = (int)Math.Min(fresh.Length, _headLimit - start);
            pieces.Add((start, fresh[..headPart]));
            if (headPart < fresh.Length)
            {
                pieces.Add((start + headPart, fresh[headPart..]));
            }
        }
        else
        {
            pieces.Add((start, fresh));
        }

        foreach (var (pieceOffset, bytes) in pieces)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO task_output (task_id, byte_offset, byte_count, data)
                VALUES (@taskId, @pieceOffset, @count, @data)
                """,
                new { taskId, pieceOffset, count = bytes.Length, data = bytes.ToArray() },
                transaction,
                cancellationToken: cancellationToken));
        }
    }

    /// <summary>Drops the marks of the dropped middle, keeping the stream in effect where the tail starts.</summary>
    private async Task TrimMarksAsync(
        DbConnection connection,
        DbTransaction transaction,
        string taskId,
        long tailStart,
        CancellationToken cancellationToken)
    {
        var inEffect = await connection.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(
            """
            SELECT stream FROM task_output_streams
            WHERE task_id = @taskId AND byte_offset <= @tailStart
            ORDER BY byte_offset DESC
            LIMIT 1
            """,
            new { taskId, tailStart },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM task_output_streams WHERE task_id = @taskId AND byte_offset >= @headLimit AND byte_offset < @tailStart
            """,
            new { taskId, headLimit = (long)_headLimit, tailStart },
            transaction,
            cancellationToken: cancellationToken));
        if (inEffect is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO task_output_streams (task_id, byte_offset, stream) VALUES (@taskId, @tailStart, @inEffect)
                ON CONFLICT (task_id, byte_offset) DO NOTHING
                """,
                new { taskId, tailStart, inEffect },
                transaction,
                cancellationToken: cancellationToken));
        }
    }

    /// <summary>
    /// Stores the marks that fall in the newly stored range [<paramref name="from"/>, <paramref name="to"/>),
    /// starting with the stream in effect at <paramref name="from"/> when the chunk overlapped old bytes.
    /// </summary>
    private static async Task StoreMarksAsync(
        DbConnection connection,
        DbTransaction transaction,
        string taskId,
        long from,
        long to,
        IReadOnlyList<OutputMark> marks,
        CancellationToken cancellationToken)
    {
        var inEffect = marks.LastOrDefault(m => m.ByteOffset <= from);
        var fresh = marks.Where(m => m.ByteOffset > from && m.ByteOffset < to).ToList();
        if (inEffect is not null)
        {
            fresh.Insert(0, inEffect with { ByteOffset = from });
        }

        foreach (var mark in fresh.Where(m => m.Stream is "stdout" or "stderr"))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO task_output_streams (task_id, byte_offset, stream) VALUES (@taskId, @ByteOffset, @Stream)
                ON CONFLICT (task_id, byte_offset) DO NOTHING
                """,
                new { taskId, mark.ByteOffset, mark.Stream },
                transaction,
                cancellationToken: cancellationToken));
        }
    }

    private async Task TrimTailAsync(
        DbConnection connection,
        DbTransaction transaction,
        string taskId,
        long received,
        CancellationToken cancellationToken)
    {
        var tailStart = received - _tailLimit;
        if (tailStart <= _headLimit)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM task_output
            WHERE task_id = @taskId AND byte_offset >= @headLimit AND byte_offset + byte_count <= @tailStart
            """,
            new { taskId, headLimit = (long)_headLimit, tailStart },
            transaction,
            cancellationToken: cancellationToken));
        await TrimMarksAsync(connection, transaction, taskId, tailStart, cancellationToken);
        var straddling = (await connection.QueryAsync<(long ByteOffset, byte[] Data)>(
            new CommandDefinition(
                """
                SELECT byte_offset, data FROM task_output
                WHERE task_id = @taskId AND byte_offset >= @headLimit AND byte_offset < @tailStart
                """,
                new { taskId, headLimit = (long)_headLimit, tailStart },
                transaction,
                cancellationToken: cancellationToken))).AsList();
        if (straddling.Count == 0)
        {
            return;
        }

        var chunk = straddling[0];

        var kept = chunk.Data[(int)(tailStart - chunk.ByteOffset)..];
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM task_output WHERE task_id = @taskId AND byte_offset = @ByteOffset;
            INSERT INTO task_output (task_id, byte_offset, byte_count, data) VALUES (@taskId, @tailStart, @count, @kept);
            """,
            new { taskId, chunk.ByteOffset, tailStart, count = kept.Length, kept },
            transaction,
            cancellationToken: cancellationToken));
    }
}
