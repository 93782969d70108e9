using System.Data.Common;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using Dapper;

namespace CloudAssist.Data.Storage;

/// <summary>
/// Writes that carry their audit entry: the change and its entry are committed in one
/// transaction, so neither is ever stored without the other.
/// </summary>
internal static class AuditedWrites
{
    /// <summary>
    /// Runs one statement on a writer connection and, when it changed at least one row, appends
    /// <paramref name="audit"/> in the same transaction. Returns the rows changed.
    /// </summary>
    public static async Task<int> ExecuteAuditedAsync(
        this IDbConnectionFactory connections,
        string sql,
        object? parameters,
        AuditEntry? audit,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(
            new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        await AppendAsync(connection, transaction, rows > 0 ? audit : null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>Appends <paramref name="audit"/>, when there is one, inside the caller's transaction.</summary>
    public static async Task AppendAsync(
        DbConnection connection,
        DbTransaction transaction,
        AuditEntry? audit,
        CancellationToken cancellationToken)
    {
        if (audit is not null)
        {
            await AuditRepository.InsertAsync(connection, transaction, audit, cancellationToken);
        }
    }
}
