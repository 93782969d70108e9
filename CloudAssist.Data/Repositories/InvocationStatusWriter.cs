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
        var statuses = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT status FROM invocation_tasks WHERE invocation_id = @invocationId",
            new { invocationId },
            transaction,
            cancellationToken: cancellationToken))).Select(Enum.Parse<InvocationTaskStatus>).ToList();
        var stopRequested = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT stop_requested_at FROM invocations WHERE id = @invocationId",
            new { invocationId },
            transaction,
            cancellationToken: cancellationToken)) is not null;

        var status = InvocationStatusRules.Aggregate(statuses, stopRequested);
        DateTimeOffset? finishedAt = InvocationStatusRules.IsFinal(status) ? now : null;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE invocations
            SET status = @status,
                finished_at = CASE WHEN @finishedAt IS NULL THEN NULL ELSE COALESCE(finished_at, @finishedAt) END
            WHERE id = @invocationId
            """,
            new { invocationId, status = status.ToString(), finishedAt },
            transaction,
            cancellationToken: cancellationToken));
        return status;
    }
}
