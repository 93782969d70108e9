using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using Dapper;

namespace CloudAssist.Data.Repositories;

/// <summary>Files sent to instances: the file invocation's details, and its bytes until it has ended.</summary>
public sealed class FileTransferRepository(IDbConnectionFactory connections)
{
    private const string Columns = """
        invocation_id, file_name, target_directory, owner_name AS owner, group_name AS "group", mode, overwrite,
        size_bytes, sha256
        """;

    /// <summary>
    /// Stores the invocation, its tasks, the file's details, its bytes and its audit entry in one transaction.
    /// </summary>
    public async Task CreateAsync(
        InvocationRecord invocation,
        IReadOnlyList<InvocationTaskRecord> tasks,
        FileTransferRecord file,
        byte[] content,
        CancellationToken cancellationToken,
        AuditEntry? audit = null)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InvocationRepository.InsertAsync(connection, transaction, invocation, tasks, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO file_transfers (invocation_id, file_name, target_directory, owner_name, group_name, mode,
                                        overwrite, size_bytes, sha256, content)
            VALUES (@InvocationId, @FileName, @TargetDirectory, @Owner, @Group, @Mode,
                    @Overwrite, @SizeBytes, @Sha256, @content)
            """,
            new
            {
                file.InvocationId, file.FileName, file.TargetDirectory, file.Owner, file.Group, file.Mode,
                Overwrite = file.Overwrite ? 1 : 0, file.SizeBytes, file.Sha256, content,
            },
            transaction,
            cancellationToken: cancellationToken));
        await AuditedWrites.AppendAsync(connection, transaction, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The file an invocation sends, without its bytes; null when it sends none.</summary>
    public async Task<FileTransferRecord?> GetAsync(string invocationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<FileTransferRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM file_transfers WHERE invocation_id = @invocationId",
            new { invocationId },
            cancellationToken: cancellationToken));
    }

    /// <summary>The bytes an invocation sends; null when it sends none or it has ended and they were dropped.</summary>
    public async Task<byte[]?> ReadContentAsync(string invocationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(
            "SELECT content FROM file_transfers WHERE invocation_id = @invocationId",
            new { invocationId },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Drops the bytes of files whose invocation has ended: no task of it can be delivered any
    /// more, and the details and checksum stay. Returns how many were dropped.
    /// </summary>
    public async Task<int> DropContentOfEndedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE file_transfers SET content = NULL
            WHERE content IS NOT NULL
              AND EXISTS (SELECT 1 FROM invocations i
                          WHERE i.id = file_transfers.invocation_id AND i.finished_at IS NOT NULL)
            """,
            cancellationToken: cancellationToken));
    }
}
