using System.Data.Common;
using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using Dapper;

namespace CloudAssist.Data.Repositories;

/// <summary>Invocations and their tasks, as operators create, read and stop them.</summary>
public sealed class InvocationRepository(IDbConnectionFactory connections)
{
    internal const string InvocationColumns = """
        id, command_id, command_name, command_type, content, working_directory, timeout_seconds,
        parameters_json, trigger_kind, created_by, created_at, status, task_count, stop_requested_at,
        finished_at, max_concurrency, max_errors, target_tags, run_as, environment_json, schedule_id
        """;

    internal const string TaskColumns = """
        id, invocation_id, instance_id, status, exit_code, error_code, error_message, timeout_seconds,
        created_at, delivered_at, started_at, finished_at, stop_requested_at, output_received,
        output_dropped
        """;

    /// <summary>
    /// Stores an invocation and its tasks in one transaction. <paramref name="secretValuesJson"/>
    /// holds secret parameter values for delivery; it is never read back by the API and is cleared
    /// when the invocation ends. <paramref name="audit"/> is stored in the same transaction.
    /// </summary>
    public async Task CreateAsync(
        InvocationRecord invocation,
        IReadOnlyList<InvocationTaskRecord> tasks,
        CancellationToken cancellationToken,
        string? secretValuesJson = null,
        AuditEntry? audit = null)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, transaction, invocation, tasks, cancellationToken, secretValuesJson);
        await AuditedWrites.AppendAsync(connection, transaction, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Inserts an invocation and its tasks inside a caller's transaction.</summary>
    internal static async Task InsertAsync(
        DbConnection connection,
        DbTransaction transaction,
        InvocationRecord invocation,
        IReadOnlyList<InvocationTaskRecord> tasks,
        CancellationToken cancellationToken,
        string? secretValuesJson = null)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO invocations ({InvocationColumns})
            VALUES (@Id, @CommandId, @CommandName, @CommandType, @Content, @WorkingDirectory, @TimeoutSeconds,
                    @ParametersJson, @TriggerKind, @CreatedBy, @CreatedAt, @Status, @TaskCount,
                    @StopRequestedAt, @FinishedAt, @MaxConcurrency, @MaxErrors, @TargetTags, @RunAs, @EnvironmentJson,
                    @ScheduleId)
            """,
            new
            {
                invocation.Id, invocation.CommandId, invocation.CommandName, invocation.CommandType,
                invocation.Content, invocation.WorkingDirectory, invocation.TimeoutSeconds,
                invocation.ParametersJson, invocation.TriggerKind, invocation.CreatedBy, invocation.CreatedAt,
                Status = invocation.Status.ToString(), invocation.TaskCount, invocation.StopRequestedAt,
                invocation.FinishedAt, invocation.MaxConcurrency, invocation.MaxErrors, invocation.TargetTags,
                invocation.RunAs, invocation.EnvironmentJson, invocation.ScheduleId,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (secretValuesJson is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE invocations SET secret_values_json = @secretValuesJson WHERE id = @Id",
                new { invocation.Id, secretValuesJson },
                transaction,
                cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO invocation_tasks ({TaskColumns})
            VALUES (@Id, @InvocationId, @InstanceId, @Status, NULL, NULL, NULL, @TimeoutSeconds,
                    @CreatedAt, NULL, NULL, NULL, NULL, 0, 0)
            """,
            tasks.Select(t => new
            {
                t.Id, t.InvocationId, t.InstanceId, Status = t.Status.ToString(), t.TimeoutSeconds, t.CreatedAt,
            }),
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>One invocation, or null.</summary>
    public async Task<InvocationRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<InvocationRecord>(new CommandDefinition(
            $"SELECT {InvocationColumns} FROM invocations WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Invocations, newest first, optionally of one status.</summary>
    public async Task<IReadOnlyList<InvocationRecord>> ListAsync(
        InvocationStatus? status,
        int limit,
        int offset,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InvocationRecord>(new CommandDefinition(
            $"""
            SELECT {InvocationColumns} FROM invocations
            WHERE @status IS NULL OR status = @status
            ORDER BY created_at DESC, id
            LIMIT @limit OFFSET @offset
            """,
            new { status = status?.ToString(), limit, offset },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>An invocation's tasks, in the order they were created.</summary>
    public async Task<IReadOnlyList<InvocationTaskRecord>> ListTasksAsync(
        string invocationId,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InvocationTaskRecord>(new CommandDefinition(
            $"SELECT {TaskColumns} FROM invocation_tasks WHERE invocation_id = @invocationId ORDER BY created_at, id",
            new { invocationId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>One task, or null.</summary>
    public async Task<InvocationTaskRecord?> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<InvocationTaskRecord>(new CommandDefinition(
            $"SELECT {TaskColumns} FROM invocation_tasks WHERE id = @taskId",
            new { taskId },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Stops an invocation, or only one of its tasks: pending tasks end Cancelled at once, running
    /// ones are marked for the agent to kill. Returns the tasks that changed or await a kill. The
    /// entry <paramref name="audit"/> makes of them is stored in the same transaction.
    /// </summary>
    public async Task<IReadOnlyList<TaskChange>> RequestStopAsync(
        string invocationId,
        string? taskId,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        Func<IReadOnlyList<TaskChange>, AuditEntry>? audit = null)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (taskId is null)
        {
            // A finished invocation keeps its final status; stopping it would turn Success into Stopped.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE invocations SET stop_requested_at = @now
                WHERE id = @invocationId AND stop_requested_at IS NULL
                  AND status NOT IN ('Success', 'Failed', 'PartialFailed', 'Stopped')
                """,
                new { invocationId, now },
                transaction,
                cancellationToken: cancellationToken));
        }

        var targets = (await connection.QueryAsync<InvocationTaskRecord>(new CommandDefinition(
            $"""
            SELECT {TaskColumns} FROM invocation_tasks
            WHERE invocation_id = @invocationId AND (@taskId IS NULL OR id = @taskId)
              AND status IN ('Pending', 'Running')
            """,
            new { invocationId, taskId },
            transaction,
            cancellationToken: cancellationToken))).AsList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE invocation_tasks
            SET status = CASE WHEN status = 'Pending' THEN 'Cancelled' ELSE status END,
                finished_at = CASE WHEN status = 'Pending' THEN @now ELSE finished_at END,
                stop_requested_at = COALESCE(stop_requested_at, @now)
            WHERE invocation_id = @invocationId AND (@taskId IS NULL OR id = @taskId)
              AND status IN ('Pending', 'Running')
            """,
            new { invocationId, taskId, now },
            transaction,
            cancellationToken: cancellationToken));
        var status = await InvocationStatusWriter.RefreshAsync(connection, transaction, invocationId, now, cancellationToken);
        var changes = targets.Select(t => new TaskChange(
            t.Id,
            invocationId,
            t.InstanceId,
            t.Status == InvocationTaskStatus.Pending ? InvocationTaskStatus.Cancelled : InvocationTaskStatus.Running,
            status)).ToList();
        await AuditedWrites.AppendAsync(connection, transaction, audit?.Invoke(changes), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changes;
    }
}
