using CloudAssist.Data.Records;
using CloudAssist.Web.Schedules;

namespace CloudAssist.Web.Tests.Schedules;

/// <summary>The scheduler on a fake clock and a real database, one tick at a time.</summary>
public sealed class SchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TickAsync_RateDue_FiresOnceAndSchedulesTheNextStep()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start);
        var schedule = await harness.ScheduleAsync(Rate(30, RateUnit.Seconds));
        var sut = harness.NewScheduler();

        harness.Time.Advance(TimeSpan.FromSeconds(29));
        await sut.TickAsync(CancellationToken.None);
        var early = await harness.InvocationsOfAsync(schedule.Id);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await sut.TickAsync(CancellationToken.None);
        await sut.TickAsync(CancellationToken.None);

        Assert.Empty(early);
        var fired = Assert.Single(await harness.InvocationsOfAsync(schedule.Id));
        Assert.Equal((Start.AddSeconds(30), "schedule"), (fired.CreatedAt, fired.TriggerKind));
        var stored = await harness.ReloadAsync(schedule.Id);
        Assert.Equal(Start.AddSeconds(60), stored.NextRunAt);
        Assert.Equal((ScheduleRunOutcome.Fired, fired.Id), (stored.LastRunOutcome, stored.LastInvocationId));
        var run = Assert.Single(await harness.RunsOfAsync(schedule.Id));
        Assert.Equal((Start.AddSeconds(30), fired.Id), (run.DueAt, run.InvocationId));
    }

    [Fact]
    public async Task TickAsync_CronWithoutSeconds_FiresAtEachMatchingMinute()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start.AddSeconds(10));
        var schedule = await harness.ScheduleAsync(Cron("*/15 * * * *", "UTC"));
        var sut = harness.NewScheduler();

        var fired = await TickAtAsync(harness, sut, schedule.Id, Start.AddMinutes(15), Start.AddMinutes(29), Start.AddMinutes(30));

        Assert.Equal([Start.AddMinutes(15), Start.AddMinutes(30)], fired);
    }

    [Fact]
    public async Task TickAsync_CronWithSeconds_FiresEveryTwentySeconds()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start.AddSeconds(1));
        var schedule = await harness.ScheduleAsync(Cron("*/20 * * * * *", "UTC"));
        var sut = harness.NewScheduler();

        var fired = await TickAtAsync(harness, sut, schedule.Id, Start.AddSeconds(20), Start.AddSeconds(30), Start.AddSeconds(40));

        Assert.Equal([Start.AddSeconds(20), Start.AddSeconds(40)], fired);
    }

    [Fact]
    public async Task TickAsync_OnceAt_FiresOnceThenEnds()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start);
        var schedule = await harness.ScheduleAsync(new SaveScheduleRequest
        {
            Kind = ScheduleKind.Once, RunAt = "2026-01-15T14:00:00", TimeZone = "Europe/Berlin",
        });
        var sut = harness.NewScheduler();

        var fired = await TickAtAsync(harness, sut, schedule.Id, Start.AddHours(1), Start.AddHours(2), Start.AddDays(1));

        Assert.Equal([Start.AddHours(1)], fired);
        var stored = await harness.ReloadAsync(schedule.Id);
        Assert.False(stored.Enabled);
        Assert.Null(stored.NextRunAt);
    }

    [Fact]
    public async Task TickAsync_SameCronInSeveralTimeZones_EachFiresAtNineOnItsOwnClock()
    {
        await using var harness = await SchedulerHarness.CreateAsync(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));
        var tokyo = await harness.ScheduleAsync(Cron("0 9 * * *", "Asia/Tokyo"));
        var berlin = await harness.ScheduleAsync(Cron("0 9 * * *", "Europe/Berlin"));
        var newYork = await harness.ScheduleAsync(Cron("0 9 * * *", "America/New_York"));
        var sut = harness.NewScheduler();

        foreach (var hour in Enumerable.Range(1, 24))
        {
            harness.Time.SetUtcNow(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero).AddHours(hour));
            await sut.TickAsync(CancellationToken.None);
        }

        Assert.Equal([new DateTimeOffset(2026, 1, 16, 0, 0, 0, TimeSpan.Zero)], await CreatedAsync(harness, tokyo.Id));
        Assert.Equal([new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero)], await CreatedAsync(harness, berlin.Id));
        Assert.Equal([new DateTimeOffset(2026, 1, 15, 14, 0, 0, TimeSpan.Zero)], await CreatedAsync(harness, newYork.Id));
    }

    // America/New_York, 2026-03-08: at 02:00 EST (07:00 UTC) the clocks go to 03:00 EDT.
    [Fact]
    public async Task TickAsync_TwoThirtyOnSpringForwardDay_FiresOnceAtThreeLocal()
    {
        await using var harness = await SchedulerHarness.CreateAsync(new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero));
        var schedule = await harness.ScheduleAsync(Cron("30 2 * * *", "America/New_York"));
        var sut = harness.NewScheduler();

        var fired = await TickAtAsync(
            harness,
            sut,
            schedule.Id,
            new DateTimeOffset(2026, 3, 8, 6, 59, 59, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 8, 8, 30, 0, TimeSpan.Zero));

        Assert.Equal([new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4))], fired);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 2, 30, 0, TimeSpan.FromHours(-4)), (await harness.ReloadAsync(schedule.Id)).NextRunAt);
    }

    // America/New_York, 2026-11-01: at 02:00 EDT (06:00 UTC) the clocks go back to 01:00 EST.
    [Fact]
    public async Task TickAsync_OneThirtyOnFallBackDay_FiresOnceNotTwice()
    {
        await using var harness = await SchedulerHarness.CreateAsync(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero));
        var schedule = await harness.ScheduleAsync(Cron("30 1 * * *", "America/New_York"));
        var sut = harness.NewScheduler();

        var fired = await TickAtAsync(
            harness,
            sut,
            schedule.Id,
            new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal([new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-4))], fired);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 1, 30, 0, TimeSpan.FromHours(-5)), (await harness.ReloadAsync(schedule.Id)).NextRunAt);
    }

    [Fact]
    public async Task TickAsync_RestartWithRunMissedInsideGrace_FiresItOnceAtStartUp()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start, graceSeconds: 120);
        var schedule = await harness.ScheduleAsync(Cron("0 * * * *", "UTC"));
        harness.Time.SetUtcNow(Start.AddHours(1).AddSeconds(90));
        var restarted = harness.NewScheduler();

        await restarted.TickAsync(CancellationToken.None);
        await restarted.TickAsync(CancellationToken.None);
        await harness.NewScheduler().TickAsync(CancellationToken.None);

        var fired = Assert.Single(await harness.InvocationsOfAsync(schedule.Id));
        Assert.Equal(Start.AddHours(1).AddSeconds(90), fired.CreatedAt);
        var run = Assert.Single(await harness.RunsOfAsync(schedule.Id));
        Assert.Equal((ScheduleRunOutcome.Fired, Start.AddHours(1)), (run.Outcome, run.DueAt));
        Assert.Equal(Start.AddHours(2), (await harness.ReloadAsync(schedule.Id)).NextRunAt);
    }

    [Fact]
    public async Task TickAsync_RestartWithRunsMissedOutsideGrace_RecordsThemMissedAndFiresNothing()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start, graceSeconds: 120);
        var schedule = await harness.ScheduleAsync(Cron("0 * * * *", "UTC"));
        harness.Time.SetUtcNow(Start.AddHours(3).AddMinutes(10));

        await harness.NewScheduler().TickAsync(CancellationToken.None);
        await harness.NewScheduler().TickAsync(CancellationToken.None);

        Assert.Empty(await harness.InvocationsOfAsync(schedule.Id));
        var run = Assert.Single(await harness.RunsOfAsync(schedule.Id));
        Assert.Equal((ScheduleRunOutcome.Missed, Start.AddHours(1)), (run.Outcome, run.DueAt));
        Assert.StartsWith("3 runs due from 2026-01-15 13:00:00Z to 2026-01-15 15:00:00Z missed", run.Detail, StringComparison.Ordinal);
        var stored = await harness.ReloadAsync(schedule.Id);
        Assert.Equal(Start.AddHours(4), stored.NextRunAt);
        Assert.Equal(ScheduleRunOutcome.Missed, stored.LastRunOutcome);
    }

    [Fact]
    public async Task TickAsync_RateMissedPartlyInsideGrace_FiresTheLatestOnceAndRecordsOlderAsMissed()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start, graceSeconds: 60);
        var schedule = await harness.ScheduleAsync(Rate(20, RateUnit.Seconds));
        harness.Time.SetUtcNow(Start.AddSeconds(125));

        await harness.NewScheduler().TickAsync(CancellationToken.None);

        var fired = Assert.Single(await harness.InvocationsOfAsync(schedule.Id));
        var runs = (await harness.RunsOfAsync(schedule.Id)).OrderBy(r => r.DueAt).ToList();
        Assert.Equal([ScheduleRunOutcome.Missed, ScheduleRunOutcome.Fired], runs.Select(r => r.Outcome));
        Assert.Equal((Start.AddSeconds(120), fired.Id), (runs[1].DueAt, runs[1].InvocationId));
        Assert.Contains("2 earlier runs", runs[1].Detail, StringComparison.Ordinal);
        Assert.StartsWith("3 runs due from", runs[0].Detail, StringComparison.Ordinal);
        Assert.Equal(Start.AddSeconds(140), (await harness.ReloadAsync(schedule.Id)).NextRunAt);
    }

    [Fact]
    public async Task TickAsync_InvocationCreatedBeforeACrash_RecordsItWithoutFiringAgain()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start);
        var schedule = await harness.ScheduleAsync(Rate(1, RateUnit.Minutes));
        harness.Time.SetUtcNow(Start.AddMinutes(1));
        var (beforeCrash, _) = await harness.InvokeAsScheduleAsync(schedule.Id);
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        await harness.NewScheduler().TickAsync(CancellationToken.None);

        Assert.Equal([beforeCrash!.Id], (await harness.InvocationsOfAsync(schedule.Id)).Select(i => i.Id));
        var run = Assert.Single(await harness.RunsOfAsync(schedule.Id));
        Assert.Equal((ScheduleRunOutcome.Fired, beforeCrash.Id), (run.Outcome, run.InvocationId));
        Assert.Equal(Start.AddMinutes(2), (await harness.ReloadAsync(schedule.Id)).NextRunAt);
    }

    [Fact]
    public async Task TickAsync_PausedThenResumed_FiresNothingWhilePausedAndCountsOnFromTheResume()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start);
        var schedule = await harness.ScheduleAsync(Rate(1, RateUnit.Minutes));
        var sut = harness.NewScheduler();
        await harness.Service.PauseAsync(schedule.Id, SchedulerHarness.Operator, CancellationToken.None);

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await sut.TickAsync(CancellationToken.None);
        var whilePaused = await harness.InvocationsOfAsync(schedule.Id);
        var resumeErrors =
            await harness.Service.ResumeAsync(schedule.Id, SchedulerHarness.Operator, CancellationToken.None);
        await sut.TickAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await sut.TickAsync(CancellationToken.None);

        Assert.Empty(whilePaused);
        Assert.Single(await harness.RunsOfAsync(schedule.Id));
        Assert.Empty(resumeErrors!);
        var fired = Assert.Single(await harness.InvocationsOfAsync(schedule.Id));
        Assert.Equal(Start.AddMinutes(6), fired.CreatedAt);
    }

    [Fact]
    public async Task TickAsync_PreviousRunStillRunning_SkipsAndRecordsItThenFiresOnceItEnds()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start, instances: 2);
        var schedule = await harness.ScheduleAsync(Rate(1, RateUnit.Minutes));
        var sut = harness.NewScheduler();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await sut.TickAsync(CancellationToken.None);
        var first = Assert.Single(await harness.InvocationsOfAsync(schedule.Id));
        var tasks = await harness.Invocations.ListTasksAsync(first.Id, CancellationToken.None);
        foreach (var task in tasks)
        {
            await harness.Tasks.MarkStartedAsync(task.Id, task.InstanceId, Start, Start, CancellationToken.None);
        }

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await sut.TickAsync(CancellationToken.None);
        var slow = tasks.Single(t => t.InstanceId == harness.InstanceIds[0]);
        var quick = tasks.Single(t => t.InstanceId == harness.InstanceIds[1]);
        await harness.Tasks.FinishAsync(quick.Id, quick.InstanceId, Finish(), harness.Time.GetUtcNow(), CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await sut.TickAsync(CancellationToken.None);

        var runs = (await harness.RunsOfAsync(schedule.Id)).OrderBy(r => r.DueAt).ToList();
        Assert.Equal([ScheduleRunOutcome.Fired, ScheduleRunOutcome.Skipped, ScheduleRunOutcome.Fired], runs.Select(r => r.Outcome));
        Assert.Contains("still going", runs[1].Detail, StringComparison.Ordinal);
        Assert.Null(runs[1].InvocationId);
        var third = await harness.Invocations.ListTasksAsync(runs[2].InvocationId!, CancellationToken.None);
        Assert.Equal([quick.InstanceId], third.Select(t => t.InstanceId));
        Assert.Contains(slow.InstanceId, runs[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TickAsync_OneTargetDeregistered_RunsOnTheOthersAndSaysSo()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start, instances: 2);
        var schedule = await harness.ScheduleAsync(Rate(1, RateUnit.Minutes));
        await harness.Instances.DeregisterAsync(harness.InstanceIds[0], Start, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));

        await harness.NewScheduler().TickAsync(CancellationToken.None);

        var run = Assert.Single(await harness.RunsOfAsync(schedule.Id));
        Assert.Equal(ScheduleRunOutcome.Fired, run.Outcome);
        Assert.Contains($"Not run on {harness.InstanceIds[0]}: deregistered", run.Detail, StringComparison.Ordinal);
        var task = Assert.Single(await harness.Invocations.ListTasksAsync(run.InvocationId!, CancellationToken.None));
        Assert.Equal(harness.InstanceIds[1], task.InstanceId);
    }

    [Fact]
    public async Task ExecuteAsync_DueTimeReached_FiresWithinASecondOfIt()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start);
        using var sut = harness.NewScheduler();
        await sut.StartAsync(CancellationToken.None);
        var schedule = await harness.ScheduleAsync(Rate(10, RateUnit.Seconds));

        // Move the fake clock only once the loop sleeps towards the run, so its timer exists.
        var wake = await Infrastructure.Eventually.HoldsAsync(
            () => Task.FromResult(sut.SleepingUntil), at => at >= Start.AddSeconds(10) && at < Start.AddSeconds(11),
            TimeSpan.FromSeconds(10), "the loop to sleep until the first run");
        harness.Time.SetUtcNow(wake!.Value);
        var fired = await Infrastructure.Eventually.HoldsAsync(
            () => harness.InvocationsOfAsync(schedule.Id), list => list.Count == 1, TimeSpan.FromSeconds(10), "the first run");
        await sut.StopAsync(CancellationToken.None);

        Assert.InRange(fired[0].CreatedAt, Start.AddSeconds(10), Start.AddSeconds(11));
    }

    private static SaveScheduleRequest Rate(int every, RateUnit unit) =>
        new() { Kind = ScheduleKind.Rate, Every = every, Unit = unit };

    private static SaveScheduleRequest Cron(string expression, string zone) =>
        new() { Kind = ScheduleKind.Cron, Cron = expression, TimeZone = zone };

    private static TaskFinish Finish() => new(InvocationTaskStatus.Success, 0, null, null, Start);

    private static async Task<List<DateTimeOffset>> CreatedAsync(SchedulerHarness harness, string scheduleId) =>
        (await harness.InvocationsOfAsync(scheduleId)).Select(i => i.CreatedAt).ToList();

    /// <summary>Ticks at each moment in turn, the runs ending at once; returns when each invocation was created.</summary>
    private static async Task<List<DateTimeOffset>> TickAtAsync(
        SchedulerHarness harness,
        Scheduler sut,
        string scheduleId,
        params DateTimeOffset[] moments)
    {
        foreach (var moment in moments)
        {
            harness.Time.SetUtcNow(moment);
            await sut.TickAsync(CancellationToken.None);
            await harness.CompleteRunsAsync(scheduleId);
        }

        return await CreatedAsync(harness, scheduleId);
    }
}
