using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using Dapper;

namespace CloudAssist.Data.Repositories;

/// <summary>Instances: registration, heartbeats, credential rotation and deregistration.</summary>
public sealed class InstanceRepository(IDbConnectionFactory connections)
{
    private const string Columns = """
        id, name, hostname, os_description, addresses, agent_version, tags_json, credential_hash,
        activation_code_id, boot_id, registered_at, last_seen_at, deregistered_at, interpreters,
        previous_credential_hash, credential_rotation_requested_at, credential_rotated_at
        """;

    /// <summary>
    /// Counts one use of the activation code and stores the instance, in one transaction.
    /// False, with nothing stored, when the code is revoked, expired or used up at that moment.
    /// </summary>
    public async Task<bool> RegisterAsync(InstanceRecord instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var consumed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE activation_codes SET usage_count = usage_count + 1
            WHERE id = @ActivationCodeId AND revoked_at IS NULL AND expires_at > @now
              AND usage_count < usage_limit
            """,
            new { instance.ActivationCodeId, now },
            transaction,
            cancellationToken: cancellationToken));
        if (consumed != 1)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO instances ({Columns})
            VALUES (@Id, @Name, @Hostname, @OsDescription, @Addresses, @AgentVersion, @TagsJson,
                    @CredentialHash, @ActivationCodeId, @BootId, @RegisteredAt, @LastSeenAt, @DeregisteredAt,
                    @Interpreters, @PreviousCredentialHash, @CredentialRotationRequestedAt, @CredentialRotatedAt)
            """,
            instance,
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>One instance, deregistered ones included, or null.</summary>
    public async Task<InstanceRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<InstanceRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM instances WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>The registered instances (not deregistered ones), by name.</summary>
    public async Task<IReadOnlyList<InstanceRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InstanceRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM instances WHERE deregistered_at IS NULL ORDER BY name, id",
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Records a poll: last seen time, boot id and agent version. Returns the instance as it was
    /// before, so callers can tell a reboot or a return from offline; null when it does not exist.
    /// <paramref name="interpreters"/>, when given, replaces the command types the instance can run.
    /// </summary>
    public Task<InstanceRecord?> TouchAsync(
        string id,
        DateTimeOffset now,
        string bootId,
        string agentVersion,
        CancellationToken cancellationToken,
        string? interpreters = null) =>
        connections.WriteAsync(
            async (connection, transaction, token) =>
            {
                var previous = await connection.QuerySingleOrDefaultAsync<InstanceRecord>(new CommandDefinition(
                    $"SELECT {Columns} FROM instances WHERE id = @id",
                    new { id },
                    transaction,
                    cancellationToken: token));
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE instances SET last_seen_at = @now, boot_id = @bootId, agent_version = @agentVersion,
                                         interpreters = COALESCE(@interpreters, interpreters)
                    WHERE id = @id
                    """,
                    new { id, now, bootId, agentVersion, interpreters },
                    transaction,
                    cancellationToken: token));
                return previous;
            },
            cancellationToken);

    /// <summary>
    /// Stores last-seen times noted in memory since the previous call, in one transaction; a time
    /// never moves an instance's last-seen backwards.
    /// </summary>
    public Task<int> RecordSeenAsync(
        IReadOnlyCollection<(string Id, DateTimeOffset SeenAt)> seen,
        CancellationToken cancellationToken) =>
        connections.WriteAsync(
            (connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE instances SET last_seen_at = @SeenAt WHERE id = @Id AND last_seen_at < @SeenAt",
                seen.Select(s => new { s.Id, s.SeenAt }).ToList(),
                transaction,
                cancellationToken: token)),
            cancellationToken);

    /// <summary>Replaces an instance's tags, with its audit entry; false when it is unknown or deregistered.</summary>
    public async Task<bool> SetTagsAsync(
        string id, string tagsJson, CancellationToken cancellationToken, AuditEntry? audit = null) =>
        await connections.ExecuteAuditedAsync(
            "UPDATE instances SET tags_json = @tagsJson WHERE id = @id AND deregistered_at IS NULL",
            new { id, tagsJson },
            audit,
            cancellationToken) == 1;

    /// <summary>
    /// Deregisters an instance, with its audit entry: its credential is refused from now on; the id
    /// is never reused.
    /// </summary>
    public async Task<bool> DeregisterAsync(
        string id, DateTimeOffset now, CancellationToken cancellationToken, AuditEntry? audit = null) =>
        await connections.ExecuteAuditedAsync(
            "UPDATE instances SET deregistered_at = @now WHERE id = @id AND deregistered_at IS NULL",
            new { id, now },
            audit,
            cancellationToken) == 1;

    /// <summary>
    /// Asks the instance's agent for a credential rotation, picked up at its next poll, with its
    /// audit entry; false when the instance does not exist or was deregistered.
    /// </summary>
    public async Task<bool> RequestCredentialRotationAsync(
        string id,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        AuditEntry? audit = null) =>
        await connections.ExecuteAuditedAsync(
            """
            UPDATE instances SET credential_rotation_requested_at = @now
            WHERE id = @id AND deregistered_at IS NULL
            """,
            new { id, now },
            audit,
            cancellationToken) == 1;

    /// <summary>
    /// Stores a new credential's hash and keeps <paramref name="presentedHash"/> (the credential
    /// the agent asked with) as the previous one, so a lost answer leaves the agent a working
    /// credential. False when the presented credential is no longer valid for a live instance.
    /// </summary>
    public async Task<bool> ReplaceCredentialAsync(
        string id,
        byte[] presentedHash,
        byte[] newHash,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE instances SET previous_credential_hash = @presentedHash, credential_hash = @newHash
            WHERE id = @id AND deregistered_at IS NULL AND credential_rotation_requested_at IS NOT NULL
              AND (credential_hash = @presentedHash OR previous_credential_hash = @presentedHash)
            """,
            new { id, presentedHash, newHash },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Ends a rotation once the agent has used its new credential: the previous hash is dropped and
    /// the rotation time recorded. False when no rotation was under way.
    /// </summary>
    public async Task<bool> CompleteCredentialRotationAsync(
        string id,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE instances SET previous_credential_hash = NULL, credential_rotation_requested_at = NULL,
                                 credential_rotated_at = @now
            WHERE id = @id AND previous_credential_hash IS NOT NULL
            """,
            new { id, now },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Ends the instance's Pending and Running tasks as Error with <paramref name="errorCode"/>, for an
    /// instance whose agent can no longer report (deregistered), and refreshes their invocations.
    /// </summary>
    public async Task<IReadOnlyList<TaskChange>> EndOpenTasksAsync(
        string id,
        string errorCode,
        string errorMessage,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenWriterAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var open = (await connection.QueryAsync<(string TaskId, string InvocationId)>(new CommandDefinition(
            """
            SELECT id, invocation_id FROM invocation_tasks
            WHERE instance_id = @id AND status IN ('Pending', 'Running')
            """,
            new { id },
            transaction,
            cancellationToken: cancellationToken))).AsList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE invocation_tasks
            SET status = 'Error', error_code = @errorCode, error_message = @errorMessage, finished_at = @now
            WHERE instance_id = @id AND status IN ('Pending', 'Running')
            """,
            new { id, errorCode, errorMessage, now },
            transaction,
            cancellationToken: cancellationToken));

        var statuses = new Dictionary<string, InvocationStatus>();
        foreach (var invocationId in open.Select(t => t.InvocationId).Distinct())
        {
            statuses[invocationId] = await InvocationStatusWriter.RefreshAsync(
                connection, transaction, invocationId, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return open.Select(t => new TaskChange(
            t.TaskId, t.InvocationId, id, InvocationTaskStatus.Error, statuses[t.InvocationId])).ToList();
    }
}
