using System.Text.Json;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Commands;
using CloudAssist.Web.Live;

namespace CloudAssist.Web.Invocations;

/// <summary>Creates and stops invocations; the one code path for the API, the console and schedules.</summary>
public sealed partial class InvocationService(
    CommandRepository commands,
    InstanceRepository instances,
    InvocationRepository invocations,
    InstanceSignals signals,
    ConsoleNotifier notifier,
    AuditLog audit,
    TimeProvider time,
    ILogger<InvocationService> logger)
{
    /// <summary>Validates and stores the invocation with one task per instance, then wakes those instances.</summary>
    /// <returns>The invocation, or the validation errors keyed by field.</returns>
    public async Task<(InvocationRecord? Invocation, Dictionary<string, string[]> Errors)> CreateAsync(
        CreateInvocationRequest request,
        AuditActor actor,
        string triggerKind,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var command = await ResolveCommandAsync(request, errors, cancellationToken);
        var targets = await ResolveTargetsAsync(request, errors, cancellationToken);
        InvocationOptionsValidator.Validate(request, errors);
        var maxConcurrency = InvocationOptionsValidator.ResolveConcurrency(request.MaxConcurrency, targets.Count, errors);
        var timeout = request.TimeoutSeconds ?? command?.TimeoutSeconds ?? InvocationLimits.DefaultTimeoutSeconds;
        if (timeout is < 1 or > InvocationLimits.MaxTimeoutSeconds)
        {
            errors["timeoutSeconds"] = [$"Give a timeout from 1 to {InvocationLimits.MaxTimeoutSeconds} seconds."];
        }

        var parameters = ParameterResolver.Resolve(command, request.Parameters, request.SecretParameters, errors);
        if (errors.Count > 0 || command is null)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow();
        var invocation = new InvocationRecord
        {
            Id = Ids.New("inv"),
            CommandId = string.IsNullOrEmpty(command.Id) ? null : command.Id,
            CommandName = command.Name,
            CommandType = command.CommandType,
            Content = ScriptParameters.Render(command.Content, command.CommandType, parameters.Plain),
            ParametersJson = JsonSerializer.Serialize(parameters.ForDisplay),
            WorkingDirectory = string.IsNullOrWhiteSpace(request.WorkingDirectory) ? command.WorkingDirectory : request.WorkingDirectory,
            TimeoutSeconds = timeout,
            TriggerKind = triggerKind,
            CreatedBy = actor.Name,
            CreatedAt = now,
            Status = InvocationStatus.Pending,
            TaskCount = targets.Count,
            MaxConcurrency = maxConcurrency,
            MaxErrors = request.MaxErrors,
            TargetTags = request.Tags is { Count: > 0 } tags ? string.Join(",", tags) : null,
            RunAs = string.IsNullOrWhiteSpace(request.RunAs) ? null : request.RunAs,
            EnvironmentJson = JsonSerializer.Serialize(request.Environment ?? new Dictionary<string, string>()),
            ScheduleId = request.ScheduleId,
        };
        var tasks = targets.Select(instanceId => new InvocationTaskRecord
        {
            Id = Ids.New("task"),
            InvocationId = invocation.Id,
            InstanceId = instanceId,
            Status = InvocationTaskStatus.Pending,
            TimeoutSeconds = timeout,
            CreatedAt = now,
        }).ToList();

        var secrets = parameters.Secret.Count == 0 ? null : JsonSerializer.Serialize(parameters.Secret);
        var entry = audit.Entry(
            actor,
            "invocation.created",
            "invocation",
            invocation.Id,
            $"Ran {invocation.CommandName} on {targets.Count} instance(s)",
            InvocationAuditDetails.Of(invocation, targets, parameters, request.Environment));
        await invocations.CreateAsync(invocation, tasks, cancellationToken, secrets, entry);
        foreach (var instanceId in targets)
        {
            signals.Signal(instanceId);
        }

        LogCreated(logger, invocation.Id, invocation.CommandName, targets.Count, actor.Name);
        notifier.Publish(new InvocationCreated(invocation.Id));
        return (invocation, errors);
    }

    /// <summary>Stops an invocation, or one of its tasks when <paramref name="taskId"/> is given.</summary>
    public async Task<IReadOnlyList<TaskChange>> StopAsync(
        string invocationId,
        string? taskId,
        AuditActor actor,
        CancellationToken cancellationToken)
    {
        var changes = await invocations.RequestStopAsync(
            invocationId,
            taskId,
            time.GetUtcNow(),
            cancellationToken,
            changed => StopEntry(actor, invocationId, taskId, changed));
        foreach (var change in changes)
        {
            if (change.TaskStatus == InvocationTaskStatus.Running)
            {
                signals.Signal(change.InstanceId);
            }

            notifier.Publish(new TaskStatusChanged(change));
        }

        LogStopped(logger, invocationId, taskId ?? "(all)", changes.Count);
        return changes;
    }

    private AuditEntry StopEntry(
        AuditActor actor, string invocationId, string? taskId, IReadOnlyList<TaskChange> changes) =>
        audit.Entry(
            actor,
            taskId is null ? "invocation.stopped" : "invocation.task_stopped",
            taskId is null ? "invocation" : "invocation_task",
            taskId ?? invocationId,
            taskId is null
                ? $"Stop of invocation {invocationId}: {changes.Count} task(s) affected"
                : $"Stop of task {taskId} of invocation {invocationId}: {changes.Count} task(s) affected",
            new
            {
                InvocationId = invocationId,
                TaskId = taskId,
                Changed = changes.Select(c => new { c.TaskId, c.InstanceId, c.TaskStatus }).ToList(),
            });

    /// <summary>
    /// The targets (by id and by tag) and the concurrency limit of <paramref name="request"/>, checked
    /// like an invocation's; for other kinds of invocation, such as sending a file.
    /// </summary>
    public async Task<(List<string> Targets, int? MaxConcurrency)> ResolveRolloutAsync(
        CreateInvocationRequest request,
        Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        var targets = await ResolveTargetsAsync(request, errors, cancellationToken);
        InvocationOptionsValidator.Validate(request, errors);
        return (targets, InvocationOptionsValidator.ResolveConcurrency(request.MaxConcurrency, targets.Count, errors));
    }

    private async Task<CommandRecord?> ResolveCommandAsync(
        CreateInvocationRequest request,
        Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(request.CommandId))
        {
            var saved = await commands.GetAsync(request.CommandId, cancellationToken);
            if (saved is null)
            {
                errors["commandId"] = [$"No command has the id '{request.CommandId}'."];
            }

            return saved;
        }

        var type = string.IsNullOrWhiteSpace(request.CommandType) ? CommandTypes.Shell : request.CommandType;
        if (!CommandTypes.IsKnown(type))
        {
            errors["commandType"] = [$"Use one of: {string.Join(", ", CommandTypes.All)}."];
        }

        if (string.IsNullOrWhiteSpace(request.Content))
        {
            errors["content"] = ["Give a commandId, or the script content to run."];
        }
        else if (request.Content.Length > InvocationLimits.MaxContentChars)
        {
            errors["content"] = [$"Script content is limited to {InvocationLimits.MaxContentChars} characters."];
        }

        return new CommandRecord
        {
            Name = string.IsNullOrWhiteSpace(request.Name) ? "Ad hoc command" : request.Name.Trim(),
            CommandType = type,
            Content = request.Content ?? "",
            TimeoutSeconds = InvocationLimits.DefaultTimeoutSeconds,
        };
    }

    private async Task<List<string>> ResolveTargetsAsync(
        CreateInvocationRequest request,
        Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        var registered = await instances.ListAsync(cancellationToken);
        var byId = request.InstanceIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToList();
        var unknown = byId.Where(id => registered.All(i => i.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            errors["instanceIds"] = [$"Unknown or deregistered instances: {string.Join(", ", unknown.Take(10))}."];
        }

        var byTag = new List<string>();
        if (request.Tags is { Count: > 0 } wanted)
        {
            byTag = registered
                .Where(i => wanted.All(JsonSerializer.Deserialize<string[]>(i.TagsJson)!.Contains))
                .Select(i => i.Id)
                .ToList();
            if (byTag.Count == 0)
            {
                errors["tags"] = [$"No registered instance carries all of: {string.Join(", ", wanted)}."];
            }
        }

        var targets = byId.Union(byTag).ToList();
        if (targets.Count is 0 or > InvocationLimits.MaxTargets && !errors.ContainsKey("tags"))
        {
            errors["instanceIds"] = [$"Choose from 1 to {InvocationLimits.MaxTargets} instances, by id or by tag."];
        }

        return targets;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invocation {InvocationId} of {CommandName} on {TaskCount} instances created by {CreatedBy}")]
    private static partial void LogCreated(ILogger logger, string invocationId, string commandName, int taskCount, string createdBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stop of invocation {InvocationId}, task {TaskId}: {Count} tasks affected")]
    private static partial void LogStopped(ILogger logger, string invocationId, string taskId, int count);
}
