using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using Dapper;

namespace CloudAssist.Data.Repositories;

/// <summary>Schedules: their rules and targets, and the state the scheduler keeps on them.</summary>
public sealed class ScheduleRepository(IDbConnectionFactory connections)
{
    private const string Columns = """
        id, command_id, command_name, command_type, content, working_directory, timeout_seconds,
        instance_ids_json, kind, expression, time_zone, rate_seconds, enabled, next_run_at,
        last_run_at, last_run_outcome, last_invocation_id, created_by, created_at, updated_at
        """;

    private const string Select = """
        SELECT s.id, s.command_id, s.command_name, s.command_type, s.content, s.working_directory,
               s.timeout_seconds, s.instance_ids_json, s.kind, s.expression, s.time_zone,
               s.rate_seconds, s.enabled, s.next_run_at, s.last_run_at, s.last_run_outcome,
               s.last_invocation_id, s.created_by, s.created_at, s.updated_at,
               i.status AS last_invocation_status
        FROM schedules s
        LEFT JOIN invocations i ON i.id = s.last_invocation_id
        """;

    /// <summary>Stores a new schedule, with its audit entry.</summary>
    public async Task CreateAsync(
        ScheduleRecord schedule, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        await connections.ExecuteAuditedAsync(
            $"""
            INSERT INTO schedules ({Columns})
            VALUES (@Id, @CommandId, @CommandName, @CommandType, @Content, @WorkingDirectory,
                    @TimeoutSeconds, @InstanceIdsJson, @Kind, @Expression, @TimeZone, @RateSeconds,
                    @Enabled, @NextRunAt, @LastRunAt, @LastRunOutcome, @LastInvocationId, @CreatedBy,
                    @CreatedAt, @UpdatedAt)
            """,
            Parameters(schedule),
            audit,
            cancellationToken);
    }

    /// <summary>
    /// Replaces what an operator edits: command, targets, rule, enabled and next run. The run
    /// history and the latest run are kept; with its audit entry. False when the schedule does not exist.
    /// </summary>
    public async Task<bool> UpdateAsync(
        ScheduleRecord schedule, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        var rows = await connections.ExecuteAuditedAsync(
            """
            UPDATE schedules
            SET command_id = @CommandId, command_name = @CommandName, command_type = @CommandType,
                content = @Content, working_directory = @WorkingDirectory,
                timeout_seconds = @TimeoutSeconds, instance_ids_json = @InstanceIdsJson,
                kind = @Kind, expression = @Expression, time_zone = @TimeZone,
                rate_seconds = @RateSeconds, enabled = @Enabled, next_run_at = @NextRunAt,
                updated_at = @UpdatedAt
            WHERE id = @Id
            """,
            Parameters(schedule),
            audit,
            cancellationToken);
        return rows == 1;
    }

    /// <summary>
    /// Pauses or resumes a schedule, setting its next run, with its audit entry. False when it does not exist.
    /// </summary>
    public async Task<bool> SetEnabledAsync(
        string id,
        bool enabled,
        DateTimeOffset? nextRunAt,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        AuditEntry? audit = null)
    {
        var rows = await connections.ExecuteAuditedAsync(
            """
            UPDATE schedules SET enabled = @enabled, next_run_at = @nextRunAt, updated_at = @now
            WHERE id = @id
            """,
            new { id, enabled, nextRunAt, now },
            audit,
            cancellationToken);
        return rows == 1;
    }

    /// <summary>
    /// Deletes a schedule and its history, with its audit entry; the invocations it created are kept.
    /// </summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM schedule_runs WHERE schedule_id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM schedules WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        await AuditedWrites.AppendAsync(connection, transaction, rows == 1 ? audit : null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows == 1;
    }

    /// <summary>One schedule, or null.</summary>
    public async Task<ScheduleRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ScheduleRecord>(new CommandDefinition(
            $"{Select} WHERE s.id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Schedules, newest first.</summary>
    public async Task<IReadOnlyList<ScheduleRecord>> ListAsync(int limit, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScheduleRecord>(new CommandDefinition(
            $"{Select} ORDER BY s.created_at DESC, s.id LIMIT @limit OFFSET @offset",
            new { limit, offset },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Enabled time-driven schedules whose next run is at or before <paramref name="now"/>, earliest first.</summary>
    public async Task<IReadOnlyList<ScheduleRecord>> ListDueAsync(
        DateTimeOffset now,
        int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScheduleRecord>(new CommandDefinition(
            $"""
            {Select}
            WHERE s.enabled = 1 AND s.next_run_at IS NOT NULL AND s.next_run_at <= @now
            ORDER BY s.next_run_at, s.id
            LIMIT @limit
            """,
            new { now, limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>The earliest next run of any enabled schedule, or null when none is waiting.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var next = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MIN(next_run_at) FROM schedules WHERE enabled = 1 AND next_run_at IS NOT NULL",
            cancellationToken: cancellationToken));
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>Enabled reboot schedules that target the instance.</summary>
    public async Task<IReadOnlyList<ScheduleRecord>> ListRebootSchedulesAsync(
        string instanceId,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Ids hold only [0-9a-z-], so the quoted id cannot match part of another id or a LIKE wildcard.
        var rows = await connection.QueryAsync<ScheduleRecord>(new CommandDefinition(
            $"""
            {Select}
            WHERE s.enabled = 1 AND s.kind IN ('NextReboot', 'EveryReboot')
              AND s.instance_ids_json LIKE @pattern
            ORDER BY s.created_at, s.id
            """,
            new { pattern = "%\"" + instanceId + "\"%" },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private static object Parameters(ScheduleRecord s) => new
    {
        s.Id, s.CommandId, s.CommandName, s.CommandType, s.Content, s.WorkingDirectory, s.TimeoutSeconds,
        s.InstanceIdsJson, Kind = s.Kind.ToString(), s.Expression, s.TimeZone, s.RateSeconds, s.Enabled,
        s.NextRunAt, s.LastRunAt, LastRunOutcome = s.LastRunOutcome?.ToString(), s.LastInvocationId,
        s.CreatedBy, s.CreatedAt, s.UpdatedAt,
    };
}
