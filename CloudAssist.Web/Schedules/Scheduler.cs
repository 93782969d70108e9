using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Schedules;

/// <summary>
/// Fires clock-driven schedules. Sleeps until the earliest stored next run (or a change to any
/// schedule), then makes every due run. Each schedule's next run is stored, so a restart neither
/// loses nor repeats a run; see <see cref="TickAsync"/> for what happens to late ones.
/// </summary>
public sealed partial class Scheduler(
    ScheduleRepository schedules,
    ScheduleRunRepository runs,
    ScheduleFiring firing,
    ScheduleWakeup wakeup,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<Scheduler> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private const int MaxWalk = 10_000;
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _sleepingUntilMs;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = wakeup.Arm();
            var sleep = LongestSleep;
            try
            {
                await TickAsync(stoppingToken);
                sleep = await SleepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTickFailed(logger, ex);
            }

            if (sleep > TimeSpan.Zero)
            {
                var delay = Task.Delay(sleep, time, stoppingToken);
                Interlocked.Exchange(ref _sleepingUntilMs, (time.GetUtcNow() + sleep).ToUnixTimeMilliseconds());
                await Task.WhenAny(woken, delay);
                Interlocked.Exchange(ref _sleepingUntilMs, 0);
            }
        }
    }

    /// <summary>When the loop's current sleep ends, or null while it is awake; for diagnostics and tests.</summary>
    public DateTimeOffset? SleepingUntil =>
        Interlocked.Read(ref _sleepingUntilMs) is var ms and not 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>
    /// Makes every run due by now; public so tests can drive the scheduler on a fake clock.
    /// A run due at most <see cref="SchedulerOptions.MissedRunGraceSeconds"/> ago fires (once, however
    /// many fell due in that time); runs older than that are recorded as missed.
    /// </summary>
    /// <returns>How many schedules were handled.</returns>
    public async Task<int> TickAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            var handled = 0;
            IReadOnlyList<ScheduleRecord> due;
            do
            {
                due = await schedules.ListDueAsync(now, BatchSize, ct);
                foreach (var schedule in due)
                {
                    await HandleAsync(schedule, now, ct);
                    handled++;
                }
            }
            while (due.Count == BatchSize && handled < BatchSize * 100);

            return handled;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task HandleAsync(ScheduleRecord schedule, DateTimeOffset now, CancellationToken ct)
    {
        var due = schedule.NextRunAt!.Value;
        var (rule, errors) = ScheduleRule.Parse(ScheduleSpec.From(schedule));
        if (rule is null)
        {
            var problem = string.Join(" ", errors.SelectMany(e => e.Value));
            await firing.RecordAsync(schedule, ScheduleRunOutcome.Failed, due, null,
                $"The schedule's rule is no longer valid, so it was paused: {problem}", new ScheduleAdvance(due, null, false), ct);
            return;
        }

        if (await runs.FindInvocationSinceAsync(schedule.Id, due, ct) is { } fired)
        {
            // The invocation was created but the server stopped before the run was recorded.
            await firing.RecordAsync(schedule, ScheduleRunOutcome.Fired, due, fired,
                "Recorded at start-up: the server stopped just after creating the invocation.", Advance(rule, due, due, now), ct);
            return;
        }

        var cutoff = now - TimeSpan.FromSeconds(options.Value.MissedRunGraceSeconds);
        var firstInGrace = due >= cutoff ? due : rule.Next(cutoff.AddTicks(-1), due);
        var missed = Count(rule, due, firstInGrace is { } f && f <= now ? f : now.AddTicks(1), out var lastMissed);
        if (firstInGrace is { } fire && fire <= now)
        {
            var folded = 0;
            for (var next = rule.Next(fire, fire); next <= now && folded < MaxWalk; next = rule.Next(fire, fire))
            {
                fire = next!.Value;
                folded++;
            }

            var note = folded == 0
                ? ""
                : $"{folded} earlier runs due while the server was down were folded into this one.";
            var targets = ScheduleView.TargetsOf(schedule);
            await firing.FireAsync(schedule, targets, fire, null, at => Advance(rule, due, fire, at), note, ct);
        }

        if (missed > 0)
        {
            var advance = firstInGrace is { } f2 && f2 <= now ? null : Advance(rule, due, lastMissed, now);
            var detail = MissedDetail(missed, due, lastMissed);
            await firing.RecordAsync(schedule, ScheduleRunOutcome.Missed, due, null, detail, advance, ct);
        }
    }

    private static ScheduleAdvance Advance(
        ScheduleRule rule,
        DateTimeOffset expected,
        DateTimeOffset lastDue,
        DateTimeOffset after)
    {
        var next = rule.Next(after, lastDue);
        return new ScheduleAdvance(expected, next, next is not null);
    }

    /// <summary>Occurrences from <paramref name="from"/> up to, not including, <paramref name="before"/>; capped.</summary>
    private static int Count(ScheduleRule rule, DateTimeOffset from, DateTimeOffset before, out DateTimeOffset last)
    {
        last = from;
        var count = 0;
        for (DateTimeOffset? at = from; at < before && count < MaxWalk; at = rule.Next(at.Value, at.Value))
        {
            last = at.Value;
            count++;
        }

        return count;
    }

    private string MissedDetail(int count, DateTimeOffset first, DateTimeOffset last)
    {
        var runsText = count >= MaxWalk ? $"{MaxWalk} or more runs" : count == 1 ? "1 run" : $"{count} runs";
        var span = count == 1 ? $"due at {first:u}" : $"due from {first:u} to {last:u}";
        return $"{runsText} {span} missed: the server was not running, and runs more than "
            + $"{options.Value.MissedRunGraceSeconds} s late are not made up.";
    }

    private async Task<TimeSpan> SleepAsync(CancellationToken ct)
    {
        var next = await schedules.NextDueAtAsync(ct);
        if (next is null)
        {
            return LongestSleep;
        }

        // A millisecond past the due time, so the tick that follows finds the run due.
        var wait = next.Value - time.GetUtcNow() + TimeSpan.FromMilliseconds(1);
        return wait < LongestSleep ? wait : LongestSleep;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduler tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
