using System.Security.Cryptography;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Live;

namespace CloudAssist.Web.Files;

/// <summary>
/// Sends a file to instances as an invocation of type <c>file</c>: one task per instance, the
/// bytes stored once. The one code path for the API and the console.
/// </summary>
public sealed partial class FileTransferService(
    InvocationService invocations,
    FileTransferRepository files,
    InstanceSignals signals,
    ConsoleNotifier notifier,
    AuditLog audit,
    TimeProvider time,
    ILogger<FileTransferService> logger)
{
    /// <summary>Validates and stores the file invocation, then wakes its instances.</summary>
    /// <returns>The invocation, or the validation errors keyed by field.</returns>
    public async Task<(InvocationRecord? Invocation, Dictionary<string, string[]> Errors)> SendAsync(
        SendFileRequest request,
        AuditActor actor,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        SendFileValidator.Validate(request, errors);
        var mode = SendFileValidator.Mode(request.Mode, errors);
        var content = SendFileValidator.Decode(request.ContentBase64, errors);
        var (targets, maxConcurrency) =
            await invocations.ResolveRolloutAsync(Rollout(request), errors, cancellationToken);
        if (errors.Count > 0 || mode is null || content is null)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow();
        var id = Ids.New("inv");
        var file = new FileTransferRecord
        {
            InvocationId = id,
            FileName = request.FileName,
            TargetDirectory = request.TargetDirectory,
            Owner = request.Owner,
            Group = request.Group,
            Mode = mode,
            Overwrite = request.Overwrite,
            SizeBytes = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        };
        var invocation = new InvocationRecord
        {
            Id = id,
            CommandName = $"Send file {request.FileName}",
            CommandType = CommandTypes.File,
            Content = FileSummary.Describe(file),
            TimeoutSeconds = InvocationLimits.DefaultTimeoutSeconds,
            TriggerKind = "manual",
            CreatedBy = actor.Name,
            CreatedAt = now,
            Status = InvocationStatus.Pending,
            TaskCount = targets.Count,
            MaxConcurrency = maxConcurrency,
            MaxErrors = request.MaxErrors,
            TargetTags = request.Tags is { Count: > 0 } tags ? string.Join(",", tags) : null,
        };
        var tasks = targets.Select(instanceId => new InvocationTaskRecord
        {
            Id = Ids.New("task"),
            InvocationId = id,
            InstanceId = instanceId,
            Status = InvocationTaskStatus.Pending,
            TimeoutSeconds = invocation.TimeoutSeconds,
            CreatedAt = now,
        }).ToList();

        var entry = audit.Entry(
            actor,
            "file.sent",
            "invocation",
            id,
            $"Sent {file.Path} ({file.SizeBytes} bytes) to {targets.Count} instance(s)",
            new
            {
                file.FileName,
                file.TargetDirectory,
                file.SizeBytes,
                file.Sha256,
                file.Owner,
                file.Group,
                file.Mode,
                file.Overwrite,
                Targets = targets,
                invocation.TargetTags,
            });
        await files.CreateAsync(invocation, tasks, file, content, cancellationToken, entry);
        foreach (var instanceId in targets)
        {
            signals.Signal(instanceId);
        }

        LogSent(logger, id, file.Path, content.Length, targets.Count, actor.Name);
        notifier.Publish(new InvocationCreated(id));
        return (invocation, errors);
    }

    private static CreateInvocationRequest Rollout(SendFileRequest request) => new()
    {
        InstanceIds = request.InstanceIds,
        Tags = request.Tags,
        MaxConcurrency = request.MaxConcurrency,
        MaxErrors = request.MaxErrors,
    };

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Invocation {InvocationId} sends {Path} ({SizeBytes} bytes) to {TaskCount} instances, by {CreatedBy}")]
    private static partial void LogSent(
        ILogger logger,
        string invocationId,
        string path,
        int sizeBytes,
        int taskCount,
        string createdBy);
}
