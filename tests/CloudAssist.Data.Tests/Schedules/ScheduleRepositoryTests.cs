using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Tests.Infrastructure;

namespace CloudAssist.Data.Tests.Schedules;

public sealed class ScheduleRepositoryTests
{
    [Fact]
    public async Task CreateAsync_ThenGetAsync_ReturnsEveryField()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new ScheduleRepository(database.Connections);
        var schedule = ScheduleTestData.Cron("i-a", "i-b") with
        {
            CommandId = "cmd-1",
            WorkingDirectory = "/srv",
            TimeoutSeconds = 90,
            RateSeconds = 30,
            LastRunAt = TestData.Now,
            LastRunOutcome = ScheduleRunOutcome.Skipped,
        };

        await sut.CreateAsync(schedule, CancellationToken.None);
        var stored = await sut.GetAsync(schedule.Id, CancellationToken.None);

        Assert.Equal(schedule, stored);
    }

    [Fact]
    public async Task ListDueAsync_MixedSchedules_ReturnsEnabledDueOnesEarliestFirst()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new ScheduleRepository(database.Connections);
        var late = ScheduleTestData.Cron() with { NextRunAt = TestData.Now.AddSeconds(-1) };
        var early = ScheduleTestData.Cron() with { NextRunAt = TestData.Now.AddMinutes(-3) };
        var future = ScheduleTestData.Cron() with { NextRunAt = TestData.Now.AddSeconds(1) };
        var paused = ScheduleTestData.Cron() with { Enabled = false, NextRunAt = TestData.Now.AddMinutes(-1) };
        var reboot = ScheduleTestData.Cron() with { Kind = ScheduleKind.EveryReboot, NextRunAt = null };
        foreach (var schedule in new[] { late, early, future, paused, reboot })
        {
            await sut.CreateAsync(schedule, CancellationToken.None);
        }

        var due = await sut.ListDueAsync(TestData.Now, 10, CancellationToken.None);
        var next = await sut.NextDueAtAsync(CancellationToken.None);

        Assert.Equal([early.Id, late.Id], due.Select(s => s.Id));
        Assert.Equal(early.NextRunAt, next);
    }

    [Fact]
    public async Task ListRebootSchedulesAsync_SeveralTargets_ReturnsEnabledRebootSchedulesOfThatInstance()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new ScheduleRepository(database.Connections);
        var every = ScheduleTestData.Cron("i-a1", "i-b") with { Kind = ScheduleKind.EveryReboot, NextRunAt = null };
        var next = ScheduleTestData.Cron("i-a") with { Kind = ScheduleKind.NextReboot, NextRunAt = null };
        var otherInstance = ScheduleTestData.Cron("i-a1") with { Kind = ScheduleKind.NextReboot, NextRunAt = null };
        var cron = ScheduleTestData.Cron("i-a");
        var paused = next with { Id = "sch-paused", Enabled = false };
        foreach (var schedule in new[] { every, next, otherInstance, cron, paused })
        {
            await sut.CreateAsync(schedule, CancellationToken.None);
        }

        var found = await sut.ListRebootSchedulesAsync("i-a", CancellationToken.None);

        Assert.Equal([next.Id], found.Select(s => s.Id));
    }

    [Fact]
    public async Task SetEnabledAsync_Pause_ClearsNextRun()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new ScheduleRepository(database.Connections);
        var schedule = ScheduleTestData.Cron();
        await sut.CreateAsync(schedule, CancellationToken.None);

        var changed = await sut.SetEnabledAsync(schedule.Id, false, null, TestData.Now.AddHours(1), CancellationToken.None);

        Assert.True(changed);
        var stored = await sut.GetAsync(schedule.Id, CancellationToken.None);
        Assert.False(stored!.Enabled);
        Assert.Null(stored.NextRunAt);
        Assert.Equal(TestData.Now.AddHours(1), stored.UpdatedAt);
    }

    [Fact]
    public async Task DeleteAsync_WithHistory_RemovesScheduleAndRunsButKeepsInvocations()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var sut = new ScheduleRepository(database.Connections);
        var runs = new ScheduleRunRepository(database.Connections);
        var schedule = ScheduleTestData.Cron(ids);
        await sut.CreateAsync(schedule, CancellationToken.None);
        var invocation = await ScheduledInvocationAsync(database, schedule.Id, ids[0]);
        await runs.RecordAsync(
            ScheduleTestData.Run(schedule, ScheduleRunOutcome.Fired, TestData.Now, invocation.Id), null, CancellationToken.None);

        var deleted = await sut.DeleteAsync(schedule.Id, CancellationToken.None);

        Assert.True(deleted);
        Assert.Null(await sut.GetAsync(schedule.Id, CancellationToken.None));
        Assert.Empty(await runs.ListAsync(schedule.Id, 10, 0, CancellationToken.None));
        var kept = await new InvocationRepository(database.Connections).GetAsync(invocation.Id, CancellationToken.None);
        Assert.Equal(schedule.Id, kept!.ScheduleId);
    }

    internal static async Task<InvocationRecord> ScheduledInvocationAsync(
        TempDatabase database,
        string scheduleId,
        string instanceId,
        DateTimeOffset? createdAt = null)
    {
        var invocation = TestData.Invocation(1, createdAt ?? TestData.Now) with
        {
            ScheduleId = scheduleId,
            TriggerKind = "schedule",
        };
        await new InvocationRepository(database.Connections).CreateAsync(
            invocation, [TestData.Task(invocation, instanceId)], CancellationToken.None);
        return invocation;
    }
}
