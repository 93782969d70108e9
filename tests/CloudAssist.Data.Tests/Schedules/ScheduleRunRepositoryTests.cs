using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Tests.Infrastructure;

namespace CloudAssist.Data.Tests.Schedules;

public sealed class ScheduleRunRepositoryTests
{
    [Fact]
    public async Task RecordAsync_FiredWithAdvance_StoresRunAndMovesScheduleOn()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var schedules = new ScheduleRepository(database.Connections);
        var schedule = ScheduleTestData.Cron(ids);
        await schedules.CreateAsync(schedule, CancellationToken.None);
        var invocation = await ScheduleRepositoryTests.ScheduledInvocationAsync(database, schedule.Id, ids[0]);
        var run = ScheduleTestData.Run(schedule, ScheduleRunOutcome.Fired, TestData.Now.AddMinutes(5), invocation.Id);
        var sut = new ScheduleRunRepository(database.Connections);

        var recorded = await sut.RecordAsync(
            run, new ScheduleAdvance(schedule.NextRunAt, TestData.Now.AddMinutes(10), true), CancellationToken.None);

        Assert.True(recorded);
        var stored = await schedules.GetAsync(schedule.Id, CancellationToken.None);
        Assert.Equal(TestData.Now.AddMinutes(10), stored!.NextRunAt);
        Assert.Equal((run.RecordedAt, ScheduleRunOutcome.Fired, invocation.Id), (stored.LastRunAt!.Value, stored.LastRunOutcome!.Value, stored.LastInvocationId));
        Assert.Equal(InvocationStatus.Pending, stored.LastInvocationStatus);
        var history = await sut.ListAsync(schedule.Id, 10, 0, CancellationToken.None);
        Assert.Equal(run with { InvocationStatus = InvocationStatus.Pending }, Assert.Single(history));
    }

    [Fact]
    public async Task RecordAsync_PausedWhileFiring_RecordsRunAndStaysPaused()
    {
        await using var database = await TempDatabase.CreateAsync();
        var schedules = new ScheduleRepository(database.Connections);
        var schedule = ScheduleTestData.Cron();
        await schedules.CreateAsync(schedule, CancellationToken.None);
        await schedules.SetEnabledAsync(schedule.Id, false, null, TestData.Now, CancellationToken.None);
        var sut = new ScheduleRunRepository(database.Connections);

        await sut.RecordAsync(
            ScheduleTestData.Run(schedule, ScheduleRunOutcome.Skipped, TestData.Now.AddMinutes(5)),
            new ScheduleAdvance(schedule.NextRunAt, TestData.Now.AddMinutes(10), true),
            CancellationToken.None);

        var stored = await schedules.GetAsync(schedule.Id, CancellationToken.None);
        Assert.False(stored!.Enabled);
        Assert.Null(stored.NextRunAt);
        Assert.Equal(ScheduleRunOutcome.Skipped, stored.LastRunOutcome);
    }

    [Fact]
    public async Task RecordAsync_DeletedSchedule_ReturnsFalseAndStoresNothing()
    {
        await using var database = await TempDatabase.CreateAsync();
        var schedule = ScheduleTestData.Cron();
        var sut = new ScheduleRunRepository(database.Connections);

        var recorded = await sut.RecordAsync(
            ScheduleTestData.Run(schedule, ScheduleRunOutcome.Fired, TestData.Now), null, CancellationToken.None);

        Assert.False(recorded);
        Assert.Empty(await sut.ListAsync(schedule.Id, 10, 0, CancellationToken.None));
    }

    [Fact]
    public async Task ListBusyInstancesAsync_OneTaskStillRunning_ReturnsOnlyThatInstance()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 3);
        var schedule = ScheduleTestData.Cron(ids);
        await new ScheduleRepository(database.Connections).CreateAsync(schedule, CancellationToken.None);
        var tasks = new TaskRepository(database.Connections);
        var invocations = new InvocationRepository(database.Connections);
        var running = await ScheduleRepositoryTests.ScheduledInvocationAsync(database, schedule.Id, ids[0]);
        var finished = await ScheduleRepositoryTests.ScheduledInvocationAsync(database, schedule.Id, ids[1]);
        await tasks.StartAsOwnerAsync((await invocations.ListTasksAsync(running.Id, CancellationToken.None))[0], TestData.Now);
        var done = (await invocations.ListTasksAsync(finished.Id, CancellationToken.None))[0];
        await tasks.FinishAsOwnerAsync(done, InvocationTaskStatus.Success, TestData.Now);
        await Seed.InvocationAsync(database, TestData.Now, ids[2]);
        var sut = new ScheduleRunRepository(database.Connections);

        var busy = await sut.ListBusyInstancesAsync(schedule.Id, ids, CancellationToken.None);

        Assert.Equal([ids[0]], busy);
    }

    [Fact]
    public async Task FindInvocationSinceAsync_InvocationsBeforeAndAfter_ReturnsOnlyTheLaterOne()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var schedule = ScheduleTestData.Cron(ids);
        await new ScheduleRepository(database.Connections).CreateAsync(schedule, CancellationToken.None);
        await ScheduleRepositoryTests.ScheduledInvocationAsync(database, schedule.Id, ids[0], TestData.Now.AddMinutes(-5));
        var later = await ScheduleRepositoryTests.ScheduledInvocationAsync(database, schedule.Id, ids[0], TestData.Now);
        var sut = new ScheduleRunRepository(database.Connections);

        var found = await sut.FindInvocationSinceAsync(schedule.Id, TestData.Now, CancellationToken.None);
        var none = await sut.FindInvocationSinceAsync(schedule.Id, TestData.Now.AddMilliseconds(1), CancellationToken.None);

        Assert.Equal(later.Id, found);
        Assert.Null(none);
    }

    [Fact]
    public async Task ListRebootedInstancesAsync_RunsBeforeAndAfter_ReturnsInstancesSinceTheTime()
    {
        await using var database = await TempDatabase.CreateAsync();
        var schedule = ScheduleTestData.Cron("i-a", "i-b") with { Kind = ScheduleKind.NextReboot, NextRunAt = null };
        await new ScheduleRepository(database.Connections).CreateAsync(schedule, CancellationToken.None);
        var sut = new ScheduleRunRepository(database.Connections);
        await sut.RecordAsync(
            ScheduleTestData.Run(schedule, ScheduleRunOutcome.Failed, TestData.Now.AddHours(-1), instanceId: "i-b"), null, CancellationToken.None);
        await sut.RecordAsync(
            ScheduleTestData.Run(schedule, ScheduleRunOutcome.Failed, TestData.Now, instanceId: "i-a"), null, CancellationToken.None);

        var rebooted = await sut.ListRebootedInstancesAsync(schedule.Id, TestData.Now, CancellationToken.None);

        Assert.Equal(["i-a"], rebooted);
    }
}
