using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using Dapper;

namespace CloudAssist.Data.Repositories;

/// <summary>
/// Read-only queries over invocations and tasks for the console's lists and overview. Writes stay
/// in <see cref="InvocationRepository"/> and <see cref="TaskRepository"/>.
/// </summary>
public sealed class ExecutionRecordQueries(IDbConnectionFactory connections)
{
    private const string FilterSql = """
        WHERE (@status IS NULL OR i.status = @status)
          AND (@command IS NULL OR LOWER(i.command_name) LIKE @command)
          AND (@from IS NULL OR i.created_at >= @from)
          AND (@to IS NULL OR i.created_at < @to)
        """;

    /// <summary>A page of invocations matching <paramref name="filter"/>, newest first, and the total count.</summary>
    public async Task<(IReadOnlyList<InvocationSummary> Items, int Total)> SearchAsync(
        InvocationFilter filter,
        int limit,
        int offset,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var parameters = new
        {
            status = filter.Status?.ToString(),
            command = string.IsNullOrWhiteSpace(filter.Command) ? null : "%" + filter.Command.Trim().ToLowerInvariant() + "%",
            from = filter.From,
            to = filter.To,
            limit,
            offset,
        };
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM invocations i {FilterSql}", parameters, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<InvocationSummary>(new CommandDefinition(
            $"""
            SELECT i.id, i.command_id, i.command_name, i.trigger_kind, i.created_by, i.created_at, i.status, i.task_count,
                   (SELECT COUNT(*) FROM invocation_tasks t
                    WHERE t.invocation_id = i.id AND t.status NOT IN ('Pending', 'Running')) AS finished_count
            FROM invocations i
            {FilterSql}
            ORDER BY i.created_at DESC, i.id
            LIMIT @limit OFFSET @offset
            """,
            parameters,
            cancellationToken: cancellationToken));
        return (items.AsList(), total);
    }

    /// <summary>The instance's most recent tasks, newest first.</summary>
    public async Task<IReadOnlyList<InstanceTaskSummary>> RecentTasksAsync(
        string instanceId,
        int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InstanceTaskSummary>(new CommandDefinition(
            """
            SELECT t.id, t.invocation_id, i.command_name, t.status, t.exit_code, t.created_at, t.finished_at
            FROM invocation_tasks t
            JOIN invocations i ON i.id = t.invocation_id
            WHERE t.instance_id = @instanceId
            ORDER BY t.created_at DESC, t.id
            LIMIT @limit
            """,
            new { instanceId, limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>How many invocations created since <paramref name="since"/> have each status.</summary>
    public async Task<IReadOnlyList<StatusCount>> CountByStatusAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, int Count)>(new CommandDefinition(
            "SELECT status, COUNT(*) FROM invocations WHERE created_at >= @since GROUP BY status",
            new { since },
            cancellationToken: cancellationToken));
        return rows.Select(r => new StatusCount(Enum.Parse<InvocationStatus>(r.Status), r.Count)).ToList();
    }
}
