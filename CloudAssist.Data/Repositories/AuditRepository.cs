using System.Data.Common;
using System.Runtime.CompilerServices;
using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using Dapper;

namespace CloudAssist.Data.Repositories;

/// <summary>
/// The audit log: append and read, nothing else. The table's triggers refuse updates and deletes,
/// so this class has no way to change an entry and the database would refuse one if it tried.
/// Entries read newest first, in the order they were appended.
/// </summary>
public sealed class AuditRepository(IDbConnectionFactory connections)
{
    private const string Columns =
        "id, at, actor, action, target_kind, target_id, summary, details_json, source_address";

    private const string FilterSql = """
        WHERE (@from IS NULL OR at >= @from)
          AND (@to IS NULL OR at < @to)
          AND (@actor IS NULL OR actor = @actor)
          AND (@action IS NULL OR action LIKE @action ESCAPE '\')
          AND (@targetKind IS NULL OR target_kind = @targetKind)
          AND (@targetId IS NULL OR target_id = @targetId)
          AND (@text IS NULL
               OR LOWER(summary) LIKE @text ESCAPE '\'
               OR LOWER(COALESCE(target_id, '')) LIKE @text ESCAPE '\'
               OR LOWER(COALESCE(details_json, '')) LIKE @text ESCAPE '\')
        """;

    /// <summary>
    /// Adds an entry on its own and returns its id: for events that change nothing else, such as a
    /// sign-in. An entry for a change is written in the change's transaction instead, by the
    /// repository that makes it (<see cref="AuditedWrites"/>).
    /// </summary>
    public async Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        return await InsertAsync(connection, null, entry, cancellationToken);
    }

    /// <summary>Adds an entry inside a caller's transaction and returns its id.</summary>
    internal static Task<long> InsertAsync(
        DbConnection connection,
        DbTransaction? transaction,
        AuditEntry entry,
        CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO audit_log
                (at, actor, action, target_kind, target_id, summary, details_json, source_address)
            VALUES
                (@At, @Actor, @Action, @TargetKind, @TargetId, @Summary, @DetailsJson, @SourceAddress)
            RETURNING id
            """,
            entry,
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>A page of entries matching <paramref name="filter"/>, newest first, and the total count.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Items, int Total)> SearchAsync(
        AuditFilter filter,
        int limit,
        int offset,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var parameters = Parameters(filter, limit, offset, long.MaxValue);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM audit_log {FilterSql}", parameters, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            $"SELECT {Columns} FROM audit_log {FilterSql} ORDER BY id DESC LIMIT @limit OFFSET @offset",
            parameters,
            cancellationToken: cancellationToken));
        return (items.AsList(), total);
    }

    /// <summary>
    /// Every entry matching <paramref name="filter"/>, newest first, at most <paramref name="maxRows"/>,
    /// read in batches so that an export never holds the whole log in memory.
    /// </summary>
    public async IAsyncEnumerable<AuditEntry> ReadAllAsync(
        AuditFilter filter,
        int maxRows,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int batchSize = 500;
        var before = long.MaxValue;
        var left = maxRows;
        while (left > 0)
        {
            var batch = await ReadBatchAsync(filter, Math.Min(batchSize, left), before, cancellationToken);
            foreach (var entry in batch)
            {
                yield return entry;
            }

            if (batch.Count < Math.Min(batchSize, left))
            {
                yield break;
            }

            left -= batch.Count;
            before = batch[^1].Id;
        }
    }

    private async Task<IReadOnlyList<AuditEntry>> ReadBatchAsync(
        AuditFilter filter,
        int limit,
        long before,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM audit_log {FilterSql} AND id < @before
            ORDER BY id DESC LIMIT @limit
            """,
            Parameters(filter, limit, 0, before),
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private static object Parameters(AuditFilter filter, int limit, int offset, long before) => new
    {
        from = filter.From,
        to = filter.To,
        actor = Blank(filter.Actor),
        action = Blank(filter.Action) is { } action ? Like(action) + "%" : null,
        targetKind = Blank(filter.TargetKind),
        targetId = Blank(filter.TargetId),
        text = Blank(filter.Text) is { } text ? "%" + Like(text.ToLowerInvariant()) + "%" : null,
        limit,
        offset,
        before,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The text as a LIKE pattern that matches it literally: its wildcards escaped.</summary>
    private static string Like(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
