using System.Data.Common;
using CloudAssist.Data.Records;
using Dapper;

namespace CloudAssist.Data.Repositories;

/// <summary>Recomputes an invocation's status inside the transaction that changed one of its tasks.</summary>
internal static class InvocationStatusWriter
{
    public static async Task<InvocationStatus> RefreshAsync(
        DbConnection connection,
        DbTransaction transaction,
        string invocationId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await ApplyMaxErrorsAsync(connection, transaction, invocationId, now, cancellationToken);
        // Counts, not rows: a thousand-task invocation is recounted on every report.
        var counts = (await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
            "SELECT status, COUNT(*) FROM invocation_tasks WHERE invocation_id = @invocationId GROUP BY status",
            new { invocationId },
            transaction,
            cancellationToken: cancellationToken))).ToDictionary(r => Enum.Parse<InvocationTaskStatus>(r.Status), r => (int)r.Count);
        var stopRequested = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT stop_requested_at FROM invocations WHERE id = @invocationId",
            new { invocationId },
            transaction,
            cancellationToken: cancellationToken)) is not null;

        var status = InvocationStatusRules.Aggregate(counts, stopRequested);
        DateTimeOffset? finishedAt = InvocationStatusRules.IsFinal(status) ? now : null;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE invocations
            SET status = @status,
                finished_at = CASE WHEN @finishedAt IS NULL THEN NULL ELSE COALESCE(finished_at, @finishedAt) END,
                secret_values_json = CASE WHEN @finishedAt IS NULL THEN secret_values_json ELSE NULL END
            WHERE id = @invocationId
            """,
            new { invocationId, status = status.ToString(), finishedAt },
            transaction,
            cancellationToken: cancellationToken));
        return status;
    }

    /// <summary>
    /// Once an invocation's failed tasks (Failed, Timeout, Error) reach its maximum errors, the tasks
    /// that have not started end Cancelled with that reason; running ones finish normally.
    /// </summary>
    private static async Task ApplyMaxErrorsAsync(
        DbConnection connection,
        DbTransaction transaction,
        string invocationId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var reached = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            """
            SELECT i.max_errors FROM invocations i
            WHERE i.id = @invocationId AND i.max_errors IS NOT NULL AND i.max_errors <= (
                SELECT COUNT(*) FROM invocation_tasks t
                WHERE t.invocation_id = i.id AND t.status IN ('Failed', 'Timeout', 'Error'))
            """,
            new { invocationId },
            transaction,
            cancellationToken: cancellationToken));
        if (reached is not { } maxErrors)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE invocation_tasks
            SET status = 'Cancelled', error_code = 'MaxErrorsReached', error_message = @message, finished_at = @now
            WHERE invocation_id = @invocationId AND status = 'Pending'
            """,
            new { invocationId, now, message = $"Not started: the invocation reached its maximum of {maxErrors} failed tasks." },
            transaction,
            cancellationToken: cancellationToken));
    }
}
