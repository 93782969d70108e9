using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using Dapper;

namespace CloudAssist.Data.Repositories;

/// <summary>
/// A schedule's runs: recording each one together with the schedule's next run, its history,
/// and the questions the scheduler asks before firing (already fired? still running?).
/// </summary>
public sealed class ScheduleRunRepository(IDbConnectionFactory connections)
{
    /// <summary>
    /// Stores the run and makes it the schedule's latest, in one transaction. With an
    /// <paramref name="advance"/>, also moves the next run on, unless the schedule was paused
    /// or edited meanwhile. False when the schedule no longer exists (nothing is stored).
    /// </summary>
    public async Task<bool> RecordAsync(
        ScheduleRunRecord run,
        ScheduleAdvance? advance,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var exists = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE schedules
            SET last_run_at = @RecordedAt, last_run_outcome = @Outcome, last_invocation_id = @InvocationId
            WHERE id = @ScheduleId
            """,
            new { run.ScheduleId, run.RecordedAt, Outcome = run.Outcome.ToString(), run.InvocationId },
            transaction,
            cancellationToken: cancellationToken));
        if (exists != 1)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO schedule_runs (id, schedule_id, due_at, recorded_at, outcome, invocation_id, instance_id, detail)
            VALUES (@Id, @ScheduleId, @DueAt, @RecordedAt, @Outcome, @InvocationId, @InstanceId, @Detail)
            """,
            new
            {
                run.Id, run.ScheduleId, run.DueAt, run.RecordedAt, Outcome = run.Outcome.ToString(),
                run.InvocationId, run.InstanceId, run.Detail,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (advance is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE schedules SET next_run_at = @NextRunAt, enabled = @Enabled
                WHERE id = @ScheduleId AND enabled = 1
                  AND (next_run_at = @ExpectedNextRunAt OR (next_run_at IS NULL AND @ExpectedNextRunAt IS NULL))
                """,
                new { run.ScheduleId, advance.NextRunAt, advance.Enabled, advance.ExpectedNextRunAt },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A schedule's runs, newest first, with the status of the invocations they created.</summary>
    public async Task<IReadOnlyList<ScheduleRunRecord>> ListAsync(
        string scheduleId,
        int limit,
        int offset,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScheduleRunRecord>(new CommandDefinition(
            """
            SELECT r.id, r.schedule_id, r.due_at, r.recorded_at, r.outcome, r.invocation_id,
                   r.instance_id, r.detail, i.status AS invocation_status
            FROM schedule_runs r
            LEFT JOIN invocations i ON i.id = r.invocation_id
            WHERE r.schedule_id = @scheduleId
            ORDER BY r.recorded_at DESC, r.due_at DESC, r.id
            LIMIT @limit OFFSET @offset
            """,
            new { scheduleId, limit, offset },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// The newest invocation the schedule created at or after <paramref name="since"/>, or null.
    /// Finding one for a run still due means the run fired but was not recorded before a crash.
    /// </summary>
    public async Task<string?> FindInvocationSinceAsync(
        string scheduleId,
        DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            SELECT id FROM invocations
            WHERE schedule_id = @scheduleId AND created_at >= @since
            ORDER BY created_at DESC, id
            LIMIT 1
            """,
            new { scheduleId, since },
            cancellationToken: cancellationToken));
    }

    /// <summary>Which of the instances still have a task Pending or Running from the schedule's invocations.</summary>
    public async Task<IReadOnlyList<string>> ListBusyInstancesAsync(
        string scheduleId,
        IReadOnlyCollection<string> instanceIds,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT DISTINCT t.instance_id
            FROM invocations i
            JOIN invocation_tasks t ON t.invocation_id = i.id
            WHERE i.schedule_id = @scheduleId AND t.status IN ('Pending', 'Running')
              AND t.instance_id IN @instanceIds
            """,
            new { scheduleId, instanceIds = instanceIds.ToArray() },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>The instances that have had a reboot run of the schedule recorded at or after <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<string>> ListRebootedInstancesAsync(
        string scheduleId,
        DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT DISTINCT instance_id FROM schedule_runs
            WHERE schedule_id = @scheduleId AND instance_id IS NOT NULL AND recorded_at >= @since
            """,
            new { scheduleId, since },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
