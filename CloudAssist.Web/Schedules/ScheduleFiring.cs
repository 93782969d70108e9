using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Live;

namespace CloudAssist.Web.Schedules;

/// <summary>
/// Makes one run of a schedule: creates its invocation through <see cref="InvocationService"/>
/// on the targets whose previous run has ended, and records the run with its outcome.
/// </summary>
public sealed partial class ScheduleFiring(
    InvocationService invocations,
    InstanceRepository instances,
    ScheduleRunRepository runs,
    ConsoleNotifier notifier,
    TimeProvider time,
    ILogger<ScheduleFiring> logger)
{
    /// <summary>The trigger of clock-driven runs.</summary>
    public const string ScheduleTrigger = "schedule";

    /// <summary>The trigger of reboot-driven runs.</summary>
    public const string RebootTrigger = "reboot";

    /// <summary>Fires the run due at <paramref name="dueAt"/> on <paramref name="targets"/> and records it.</summary>
    /// <param name="rebootedInstanceId">For a reboot run, the instance that rebooted.</param>
    /// <param name="advance">
    /// How to move the schedule on, given the time the run is recorded (never before its invocation
    /// was created, so the next run always lies after it); null to leave the next run alone.
    /// </param>
    /// <param name="note">A sentence added to the run's detail, or empty.</param>
    public async Task<ScheduleRunRecord> FireAsync(
        ScheduleRecord schedule,
        IReadOnlyList<string> targets,
        DateTimeOffset dueAt,
        string? rebootedInstanceId,
        Func<DateTimeOffset, ScheduleAdvance>? advance,
        string note,
        CancellationToken ct)
    {
        var registered = (await instances.ListAsync(ct)).Select(i => i.Id).ToHashSet();
        var gone = targets.Where(id => !registered.Contains(id)).ToList();
        var busy = await runs.ListBusyInstancesAsync(schedule.Id, targets, ct);
        var free = targets.Except(busy).Except(gone).ToList();
        var skippedNote = busy.Count == 0
            ? ""
            : $"Skipped on {string.Join(", ", busy)}: the previous run there is still going. ";
        if (gone.Count > 0)
        {
            skippedNote += $"Not run on {string.Join(", ", gone)}: deregistered or unknown. ";
        }
        var run = new ScheduleRunRecord
        {
            Id = Ids.New("run"),
            ScheduleId = schedule.Id,
            DueAt = dueAt,
            InstanceId = rebootedInstanceId,
        };

        if (free.Count == 0)
        {
            var outcome = busy.Count > 0 ? ScheduleRunOutcome.Skipped : ScheduleRunOutcome.Failed;
            run = run with { Outcome = outcome, Detail = (skippedNote + note).Trim() };
        }
        else
        {
            var trigger = rebootedInstanceId is null ? ScheduleTrigger : RebootTrigger;
            var (invocation, errors) = await invocations.CreateAsync(
                Request(schedule, free), AuditActor.Scheduler, trigger, ct);
            run = invocation is null
                ? run with
                {
                    Outcome = ScheduleRunOutcome.Failed,
                    Detail = ("The invocation could not be created: "
                        + string.Join(" ", errors.SelectMany(e => e.Value)) + " " + note).Trim(),
                }
                : run with
                {
                    Outcome = ScheduleRunOutcome.Fired,
                    InvocationId = invocation.Id,
                    Detail = (skippedNote + note).Trim(),
                };
        }

        run = run with { RecordedAt = time.GetUtcNow() };
        await runs.RecordAsync(run, advance?.Invoke(run.RecordedAt), ct);
        LogRun(logger, schedule.Id, run.Outcome, run.InvocationId ?? "-", dueAt);
        notifier.Publish(new ScheduleChanged(schedule.Id));
        return run;
    }

    /// <summary>Records a run without firing it (missed runs; one fired just before a crash).</summary>
    public async Task<ScheduleRunRecord> RecordAsync(
        ScheduleRecord schedule,
        ScheduleRunOutcome outcome,
        DateTimeOffset dueAt,
        string? invocationId,
        string detail,
        ScheduleAdvance? advance,
        CancellationToken ct)
    {
        var run = new ScheduleRunRecord
        {
            Id = Ids.New("run"),
            ScheduleId = schedule.Id,
            DueAt = dueAt,
            RecordedAt = time.GetUtcNow(),
            Outcome = outcome,
            InvocationId = invocationId,
            Detail = detail,
        };
        await runs.RecordAsync(run, advance, ct);
        LogRun(logger, schedule.Id, outcome, invocationId ?? "-", dueAt);
        notifier.Publish(new ScheduleChanged(schedule.Id));
        return run;
    }

    private static CreateInvocationRequest Request(ScheduleRecord schedule, IReadOnlyList<string> targets) => new()
    {
        CommandId = schedule.CommandId,
        Content = schedule.CommandId is null ? schedule.Content : null,
        CommandType = schedule.CommandId is null ? schedule.CommandType : null,
        Name = schedule.CommandName,
        WorkingDirectory = schedule.WorkingDirectory,
        TimeoutSeconds = schedule.TimeoutSeconds,
        InstanceIds = targets,
        ScheduleId = schedule.Id,
    };

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Schedule {ScheduleId} run due at {DueAt:O}: {Outcome}, invocation {InvocationId}")]
    private static partial void LogRun(
        ILogger logger,
        string scheduleId,
        ScheduleRunOutcome outcome,
        string invocationId,
        DateTimeOffset dueAt);
}
