using System.Text.Json;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Live;

namespace CloudAssist.Web.Schedules;

/// <summary>Validates and saves schedules, pauses and resumes them; shared by the operator API and the console.</summary>
public sealed partial class ScheduleService(
    ScheduleRepository schedules,
    CommandRepository commands,
    InstanceRepository instances,
    ScheduleWakeup wakeup,
    ConsoleNotifier notifier,
    AuditLog audit,
    TimeProvider time,
    ILogger<ScheduleService> logger)
{
    /// <summary>Creates a schedule, or answers why not, keyed by field.</summary>
    public async Task<(ScheduleRecord? Schedule, Dictionary<string, string[]> Errors)> CreateAsync(
        SaveScheduleRequest request,
        AuditActor actor,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (schedule, errors) = await BuildAsync(request, now, ct);
        if (schedule is null)
        {
            return (null, errors);
        }

        schedule = schedule with { Id = Ids.New("sch"), CreatedBy = actor.Name, CreatedAt = now };
        await schedules.CreateAsync(schedule, ct, Entry(actor, "created", null, schedule));
        Changed(schedule.Id, "created");
        return (schedule, errors);
    }

    /// <summary>Replaces a schedule's command, targets and rule; null with no errors when it does not exist.</summary>
    public async Task<(ScheduleRecord? Schedule, Dictionary<string, string[]> Errors)> UpdateAsync(
        string id,
        SaveScheduleRequest request,
        AuditActor actor,
        CancellationToken ct)
    {
        var existing = await schedules.GetAsync(id, ct);
        if (existing is null)
        {
            return (null, []);
        }

        var (schedule, errors) = await BuildAsync(request, time.GetUtcNow(), ct);
        if (schedule is null)
        {
            return (null, errors);
        }

        schedule = schedule with
        {
            Id = id,
            CreatedBy = existing.CreatedBy,
            CreatedAt = existing.CreatedAt,
            LastRunAt = existing.LastRunAt,
            LastRunOutcome = existing.LastRunOutcome,
            LastInvocationId = existing.LastInvocationId,
        };
        if (!await schedules.UpdateAsync(schedule, ct, Entry(actor, "updated", existing, schedule)))
        {
            return (null, []);
        }

        Changed(id, "updated");
        return (schedule, errors);
    }

    /// <summary>Pauses a schedule: no run is made or recorded until it is resumed. False when it does not exist.</summary>
    public async Task<bool> PauseAsync(string id, AuditActor actor, CancellationToken ct)
    {
        var before = await schedules.GetAsync(id, ct);
        if (before is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var after = before with { Enabled = false, NextRunAt = null, UpdatedAt = now };
        if (!await schedules.SetEnabledAsync(id, false, null, now, ct, Entry(actor, "paused", before, after)))
        {
            return false;
        }

        Changed(id, "paused");
        return true;
    }

    /// <summary>
    /// Resumes a schedule from now on; runs that fell due while it was paused are not made.
    /// Null when it does not exist; errors when it cannot run again (a one-off whose time passed).
    /// </summary>
    public async Task<Dictionary<string, string[]>?> ResumeAsync(string id, AuditActor actor, CancellationToken ct)
    {
        var schedule = await schedules.GetAsync(id, ct);
        if (schedule is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var (rule, errors) = ScheduleRule.Parse(ScheduleSpec.From(schedule));
        var next = rule?.Next(now);
        if (rule is { IsRebootDriven: false } && next is null)
        {
            errors["runAt"] = [$"Its time, {schedule.Expression} ({schedule.TimeZone}), has passed; edit it to a later time."];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var after = schedule with { Enabled = true, NextRunAt = next, UpdatedAt = now };
        if (!await schedules.SetEnabledAsync(id, true, next, now, ct, Entry(actor, "resumed", schedule, after)))
        {
            return null;
        }

        Changed(id, "resumed");
        return errors;
    }

    /// <summary>Deletes a schedule and its history; its execution records stay. False when it does not exist.</summary>
    public async Task<bool> DeleteAsync(string id, AuditActor actor, CancellationToken ct)
    {
        var before = await schedules.GetAsync(id, ct);
        if (before is null || !await schedules.DeleteAsync(id, ct, Entry(actor, "deleted", before, null)))
        {
            return false;
        }

        Changed(id, "deleted");
        return true;
    }

    private async Task<(ScheduleRecord? Schedule, Dictionary<string, string[]> Errors)> BuildAsync(
        SaveScheduleRequest request,
        DateTimeOffset now,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var commandName = await ValidateCommandAsync(request, errors, ct);
        var targets = await ValidateTargetsAsync(request.InstanceIds, errors, ct);
        if (request.TimeoutSeconds is < 1 or > InvocationLimits.MaxTimeoutSeconds)
        {
            errors["timeoutSeconds"] = [$"Give a timeout from 1 to {InvocationLimits.MaxTimeoutSeconds} seconds."];
        }

        var (rule, ruleErrors) = ScheduleRule.Parse(request.ToSpec());
        foreach (var (field, messages) in ruleErrors)
        {
            errors[field] = messages;
        }

        var next = rule?.Next(now);
        if (rule is { IsRebootDriven: false } && next is null)
        {
            errors["runAt"] = [$"{rule.Spec.Expression} in {rule.Spec.TimeZone} is in the past; give a later time."];
        }

        if (errors.Count > 0 || rule is null)
        {
            return (null, errors);
        }

        var adHoc = string.IsNullOrWhiteSpace(request.CommandId);
        return (new ScheduleRecord
        {
            CommandId = adHoc ? null : request.CommandId!.Trim(),
            CommandName = commandName,
            CommandType = adHoc ? request.CommandType ?? CommandTypes.Shell : "",
            Content = adHoc ? request.Content ?? "" : "",
            WorkingDirectory = string.IsNullOrWhiteSpace(request.WorkingDirectory) ? null : request.WorkingDirectory.Trim(),
            TimeoutSeconds = request.TimeoutSeconds,
            InstanceIdsJson = JsonSerializer.Serialize(targets),
            Kind = rule.Spec.Kind,
            Expression = rule.Spec.Expression,
            TimeZone = rule.Spec.TimeZone,
            RateSeconds = rule.Spec.RateSeconds,
            Enabled = request.Enabled,
            NextRunAt = request.Enabled ? next : null,
            UpdatedAt = now,
        }, errors);
    }

    private async Task<string> ValidateCommandAsync(
        SaveScheduleRequest request,
        Dictionary<string, string[]> errors,
        CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(request.CommandId))
        {
            var saved = await commands.GetAsync(request.CommandId.Trim(), ct);
            if (saved is null)
            {
                errors["commandId"] = [$"No command has the id '{request.CommandId}'."];
            }

            return saved?.Name ?? "";
        }

        if (string.IsNullOrWhiteSpace(request.Content))
        {
            errors["content"] = ["Give a commandId, or the script content to run."];
        }
        else if (request.Content.Length > InvocationLimits.MaxContentChars)
        {
            errors["content"] = [$"Script content is limited to {InvocationLimits.MaxContentChars} characters."];
        }

        if (request.CommandType is not null && !CommandTypes.IsKnown(request.CommandType))
        {
            errors["commandType"] = [$"Use one of: {string.Join(", ", CommandTypes.All)}."];
        }

        return string.IsNullOrWhiteSpace(request.Name) ? "Scheduled command" : request.Name.Trim();
    }

    private async Task<List<string>> ValidateTargetsAsync(
        IReadOnlyList<string> instanceIds,
        Dictionary<string, string[]> errors,
        CancellationToken ct)
    {
        var distinct = instanceIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct().ToList();
        if (distinct.Count is 0 or > InvocationLimits.MaxTargets)
        {
            errors["instanceIds"] = [$"Choose from 1 to {InvocationLimits.MaxTargets} instances."];
            return distinct;
        }

        var known = (await instances.ListAsync(ct)).Select(i => i.Id).ToHashSet();
        var unknown = distinct.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            errors["instanceIds"] = [$"Unknown or deregistered instances: {string.Join(", ", unknown.Take(10))}."];
        }

        return distinct;
    }

    /// <summary>Tells the scheduler and the console of a change that has been stored.</summary>
    private void Changed(string id, string change)
    {
        LogChanged(logger, id, change);
        wakeup.Signal();
        notifier.Publish(new ScheduleChanged(id));
    }

    private AuditEntry Entry(AuditActor actor, string change, ScheduleRecord? before, ScheduleRecord? after)
    {
        var schedule = (after ?? before)!;
        return audit.Entry(
            actor,
            "schedule." + change,
            "schedule",
            schedule.Id,
            $"Schedule of {schedule.CommandName} {change}",
            new { Before = before, After = after });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {ScheduleId} {Change}")]
    private static partial void LogChanged(ILogger logger, string scheduleId, string change);
}
