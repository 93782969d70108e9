using System.Data.Common;
using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using Dapper;

namespace CloudAssist.Data.Repositories;

/// <summary>
/// The task life cycle as agents drive it: delivery, start, finish, stop directives, and the
/// reaper that ends tasks no agent will ever report on. Every write is scoped to the instance
/// that owns the task, so one agent can never touch another's.
/// </summary>
public sealed class TaskRepository(IDbConnectionFactory connections)
{
    /// <summary>
    /// Up to <paramref name="max"/> pending tasks for the instance that were never delivered, or
    /// were delivered before <paramref name="redeliverBefore"/> and not started since; marks them delivered.
    /// A task whose invocation already has its maximum concurrency in flight (delivered or running)
    /// waits. The transaction is a writing one from its start, so concurrent polls see each other's deliveries.
    /// </summary>
    public async Task<IReadOnlyList<DeliverableTask>> TakeDeliverableAsync(
        string instanceId,
        int max,
        DateTimeOffset now,
        DateTimeOffset redeliverBefore,
        CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        return await connections.WriteAsync(
            (connection, transaction, token) =>
                TakeDeliverableInAsync(connection, transaction, instanceId, max, now, redeliverBefore, token),
            cancellationToken);
    }

    private static async Task<IReadOnlyList<DeliverableTask>> TakeDeliverableInAsync(
        DbConnection connection,
        DbTransaction transaction,
        string instanceId,
        int max,
        DateTimeOffset now,
        DateTimeOffset redeliverBefore,
        CancellationToken cancellationToken)
    {
        var tasks = (await connection.QueryAsync<DeliverableTask>(new CommandDefinition(
            """
            SELECT t.id, t.invocation_id, i.command_type, i.content, i.working_directory, t.timeout_seconds,
                   i.command_id, i.run_as, i.environment_json, i.secret_values_json
            FROM invocation_tasks t
            JOIN invocations i ON i.id = t.invocation_id
            WHERE t.instance_id = @instanceId AND t.status = 'Pending'
              AND (t.delivered_at IS NULL OR t.delivered_at < @redeliverBefore)
              AND (i.max_concurrency IS NULL OR i.max_concurrency > (
                    SELECT COUNT(*) FROM invocation_tasks x
                    WHERE x.invocation_id = t.invocation_id AND x.id <> t.id
                      AND (x.status = 'Running' OR (x.status = 'Pending' AND x.delivered_at IS NOT NULL))))
            ORDER BY t.created_at, t.id
            LIMIT @max
            """,
            new { instanceId, redeliverBefore, max },
            transaction,
            cancellationToken: cancellationToken))).AsList();
        if (tasks.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE invocation_tasks SET delivered_at = @now WHERE id IN @ids",
                new { now, ids = tasks.Select(t => t.Id).ToArray() },
                transaction,
                cancellationToken: cancellationToken));
        }

        return tasks;
    }

    /// <summary>
    /// Whether the instance has a task that a poll could take now: pending and not delivered since
    /// <paramref name="redeliverBefore"/>, or running with a stop not delivered since then. A read
    /// only, so an idle poll takes no write lock.
    /// </summary>
    public async Task<bool> HasWaitingAsync(string instanceId, DateTimeOffset redeliverBefore, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM invocation_tasks
            WHERE instance_id = @instanceId
              AND ((status = 'Pending' AND (delivered_at IS NULL OR delivered_at < @redeliverBefore))
                OR (status = 'Running' AND stop_requested_at IS NOT NULL
                    AND (stop_delivered_at IS NULL OR stop_delivered_at < @redeliverBefore)))
            """,
            new { instanceId, redeliverBefore },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// Instances that have a pending, undelivered task of a concurrency-limited invocation: the ones
    /// to wake when one of its tasks ends and frees a slot.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitingInstancesAsync(string invocationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT t.instance_id FROM invocation_tasks t
            JOIN invocations i ON i.id = t.invocation_id
            WHERE t.invocation_id = @invocationId AND t.status = 'Pending' AND t.delivered_at IS NULL
              AND i.max_concurrency IS NOT NULL
            """,
            new { invocationId },
            cancellationToken: cancellationToken));
        return ids.AsList();
    }

    /// <summary>Running tasks of the instance whose stop has not been delivered recently; marks them delivered.</summary>
    public Task<IReadOnlyList<string>> TakeStopsAsync(
        string instanceId,
        DateTimeOffset now,
        DateTimeOffset redeliverBefore,
        CancellationToken cancellationToken) =>
        connections.WriteAsync(
            (connection, transaction, token) =>
                TakeStopsInAsync(connection, transaction, instanceId, now, redeliverBefore, token),
            cancellationToken);

    private static async Task<IReadOnlyList<string>> TakeStopsInAsync(
        DbConnection connection,
        DbTransaction transaction,
        string instanceId,
        DateTimeOffset now,
        DateTimeOffset redeliverBefore,
        CancellationToken cancellationToken)
    {
        var ids = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT id FROM invocation_tasks
            WHERE instance_id = @instanceId AND status = 'Running' AND stop_requested_at IS NOT NULL
              AND (stop_delivered_at IS NULL OR stop_delivered_at < @redeliverBefore)
            """,
            new { instanceId, redeliverBefore },
            transaction,
            cancellationToken: cancellationToken))).AsList();
        if (ids.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE invocation_tasks SET stop_delivered_at = @now WHERE id IN @ids",
                new { now, ids },
                transaction,
                cancellationToken: cancellationToken));
        }

        return ids;
    }

    /// <summary>
    /// Moves the instance's task from Pending to Running. Repeats are harmless. Returns the task
    /// as it now is, or null when the instance has no such task.
    /// </summary>
    public Task<(InvocationTaskRecord Task, TaskChange? Change)?> MarkStartedAsync(
        string taskId,
        string instanceId,
        DateTimeOffset startedAt,
        DateTimeOffset now,
        CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction, token) =>
            {
                var rows = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE invocation_tasks SET status = 'Running', started_at = @startedAt
                    WHERE id = @taskId AND instance_id = @instanceId AND status = 'Pending'
                    """,
                    new { taskId, instanceId, startedAt },
                    transaction,
                    cancellationToken: token));
                return await CompleteTransitionAsync(
                    connection, transaction, taskId, instanceId, rows == 1, now, token);
            },
            cancellationToken);

    /// <summary>
    /// Ends the instance's task with <paramref name="finish"/> unless it has ended already, in
    /// which case nothing changes. Returns the task as it now is, or null when the instance has no such task.
    /// </summary>
    public Task<(InvocationTaskRecord Task, TaskChange? Change)?> FinishAsync(
        string taskId,
        string instanceId,
        TaskFinish finish,
        DateTimeOffset now,
        CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction, token) =>
            {
                var rows = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE invocation_tasks
                    SET status = @Status, exit_code = @ExitCode, error_code = @ErrorCode, error_message = @ErrorMessage,
                        finished_at = @FinishedAt, started_at = COALESCE(started_at, @FinishedAt)
                    WHERE id = @taskId AND instance_id = @instanceId AND status IN ('Pending', 'Running')
                    """,
                    new
                    {
                        taskId, instanceId, Status = finish.Status.ToString(), finish.ExitCode, finish.ErrorCode,
                        finish.ErrorMessage, finish.FinishedAt,
                    },
                    transaction,
                    cancellationToken: token));
                return await CompleteTransitionAsync(
                    connection, transaction, taskId, instanceId, rows == 1, now, token);
            },
            cancellationToken);

    /// <summary>
    /// Ends tasks nobody will report on: pending ones created before <paramref name="undeliveredBefore"/>
    /// (Error, DeliveryTimeout) and running ones past their timeout plus <paramref name="grace"/>
    /// (Error, ExecutionInterrupted). With <paramref name="includeRunning"/> false only pending
    /// tasks are considered (agents may still be reconnecting after a server restart).
    /// </summary>
    public async Task<IReadOnlyList<TaskChange>> ReapAsync(
        DateTimeOffset now,
        DateTimeOffset undeliveredBefore,
        TimeSpan grace,
        CancellationToken cancellationToken,
        bool includeRunning = true)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var nowMs = now.ToUnixTimeMilliseconds();
        var stale = (await connection.QueryAsync<InvocationTaskRecord>(new CommandDefinition(
            $"""
            SELECT {InvocationRepository.TaskColumns} FROM invocation_tasks
            WHERE (status = 'Pending' AND created_at < @undeliveredBefore)
               OR (@includeRunning = 1 AND status = 'Running'
                   AND started_at + (timeout_seconds * 1000) + @graceMs < @nowMs)
            LIMIT 500
            """,
            new { undeliveredBefore, graceMs = (long)grace.TotalMilliseconds, nowMs, includeRunning = includeRunning ? 1 : 0 },
            transaction,
            cancellationToken: cancellationToken))).AsList();

        var changes = new List<TaskChange>();
        foreach (var task in stale)
        {
            var (code, message) = task.Status == InvocationTaskStatus.Pending
                ? ("DeliveryTimeout", "The instance did not fetch the task in time; it may be offline.")
                : ("ExecutionInterrupted", "The agent stopped reporting on the task before it finished.");
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE invocation_tasks
                SET status = 'Error', error_code = @code, error_message = @message, finished_at = @now
                WHERE id = @Id AND status IN ('Pending', 'Running')
                """,
                new { task.Id, code, message, now },
                transaction,
                cancellationToken: cancellationToken));
            var status = await InvocationStatusWriter.RefreshAsync(
                connection, transaction, task.InvocationId, now, cancellationToken);
            changes.Add(new TaskChange(task.Id, task.InvocationId, task.InstanceId, InvocationTaskStatus.Error, status));
        }

        await transaction.CommitAsync(cancellationToken);
        return changes;
    }

    /// <summary>
    /// Reads the task back after a transition and refreshes its invocation's status when the task
    /// changed; null when the instance has no such task.
    /// </summary>
    private static async Task<(InvocationTaskRecord Task, TaskChange? Change)?> CompleteTransitionAsync(
        DbConnection connection,
        DbTransaction transaction,
        string taskId,
        string instanceId,
        bool changed,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var task = await GetOwnedAsync(connection, transaction, taskId, instanceId, cancellationToken);
        if (task is null)
        {
            return null;
        }

        TaskChange? change = null;
        if (changed)
        {
            var status = await InvocationStatusWriter.RefreshAsync(
                connection, transaction, task.InvocationId, now, cancellationToken);
            change = new TaskChange(task.Id, task.InvocationId, instanceId, task.Status, status);
        }

        return (task, change);
    }

    private static Task<InvocationTaskRecord?> GetOwnedAsync(
        DbConnection connection,
        DbTransaction transaction,
        string taskId,
        string instanceId,
        CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<InvocationTaskRecord>(new CommandDefinition(
            $"SELECT {InvocationRepository.TaskColumns} FROM invocation_tasks WHERE id = @taskId AND instance_id = @instanceId",
            new { taskId, instanceId },
            transaction,
            cancellationToken: cancellationToken));
}
