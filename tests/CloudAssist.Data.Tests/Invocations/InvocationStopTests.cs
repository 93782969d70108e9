using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Tests.Infrastructure;

namespace CloudAssist.Data.Tests.Invocations;

/// <summary><see cref="InvocationRepository.RequestStopAsync"/> and the stop directives agents take.</summary>
public sealed class InvocationStopTests
{
    private static readonly DateTimeOffset StartedAt = TestData.Now.AddSeconds(1);
    private static readonly DateTimeOffset StopAt = TestData.Now.AddSeconds(10);

    [Fact]
    public async Task RequestStopAsync_PendingAndRunningTasks_CancelsPendingAndMarksRunning()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var (invocation, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0], ids[1]);
        var tasksRepository = new TaskRepository(database.Connections);
        await tasksRepository.StartAsOwnerAsync(tasks[0], StartedAt);
        var sut = new InvocationRepository(database.Connections);

        var changes = await sut.RequestStopAsync(invocation.Id, null, StopAt, CancellationToken.None);

        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(InvocationStatus.Stopping, c.InvocationStatus));
        Assert.Equal(InvocationTaskStatus.Running, changes.Single(c => c.TaskId == tasks[0].Id).TaskStatus);
        Assert.Equal(InvocationTaskStatus.Cancelled, changes.Single(c => c.TaskId == tasks[1].Id).TaskStatus);
        var running = await sut.GetTaskAsync(tasks[0].Id, CancellationToken.None);
        Assert.Equal(InvocationTaskStatus.Running, running!.Status);
        Assert.Equal(StopAt, running.StopRequestedAt);
        Assert.Null(running.FinishedAt);
        var cancelled = await sut.GetTaskAsync(tasks[1].Id, CancellationToken.None);
        Assert.Equal(InvocationTaskStatus.Cancelled, cancelled!.Status);
        Assert.Equal(StopAt, cancelled.FinishedAt);
        var stored = await sut.GetAsync(invocation.Id, CancellationToken.None);
        Assert.Equal(InvocationStatus.Stopping, stored!.Status);
        Assert.Equal(StopAt, stored.StopRequestedAt);
        Assert.Null(stored.FinishedAt);
    }

    [Fact]
    public async Task FinishAsync_LastRunningTaskTerminatedAfterStop_InvocationStopped()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var (invocation, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0], ids[1]);
        var sut = new TaskRepository(database.Connections);
        await sut.StartAsOwnerAsync(tasks[0], StartedAt);
        var invocations = new InvocationRepository(database.Connections);
        await invocations.RequestStopAsync(invocation.Id, null, StopAt, CancellationToken.None);
        var killedAt = StopAt.AddSeconds(2);

        var result = await sut.FinishAsOwnerAsync(tasks[0], InvocationTaskStatus.Terminated, killedAt);

        Assert.Equal(InvocationStatus.Stopped, result!.Value.Change!.InvocationStatus);
        var stored = await invocations.GetAsync(invocation.Id, CancellationToken.None);
        Assert.Equal(InvocationStatus.Stopped, stored!.Status);
        Assert.Equal(killedAt, stored.FinishedAt);
    }

    [Fact]
    public async Task TakeStopsAsync_StopRequested_ReturnsRunningTaskOnceToItsInstance()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var (invocation, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0], ids[1]);
        var sut = new TaskRepository(database.Connections);
        await sut.StartAsOwnerAsync(tasks[0], StartedAt);
        await sut.StartAsOwnerAsync(tasks[1], StartedAt);
        await new InvocationRepository(database.Connections)
            .RequestStopAsync(invocation.Id, tasks[0].Id, StopAt, CancellationToken.None);
        var redeliverBefore = StopAt.AddSeconds(-30);

        var first = await sut.TakeStopsAsync(ids[0], StopAt, redeliverBefore, CancellationToken.None);
        var again = await sut.TakeStopsAsync(ids[0], StopAt.AddSeconds(1), redeliverBefore, CancellationToken.None);
        var other = await sut.TakeStopsAsync(ids[1], StopAt, redeliverBefore, CancellationToken.None);

        Assert.Equal([tasks[0].Id], first);
        Assert.Empty(again);
        Assert.Empty(other);
    }

    [Fact]
    public async Task RequestStopAsync_OneTask_LeavesInvocationRunning()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var (invocation, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0], ids[1]);
        await new TaskRepository(database.Connections).StartAsOwnerAsync(tasks[0], StartedAt);
        var sut = new InvocationRepository(database.Connections);

        var changes = await sut.RequestStopAsync(invocation.Id, tasks[1].Id, StopAt, CancellationToken.None);

        var change = Assert.Single(changes);
        Assert.Equal(InvocationTaskStatus.Cancelled, change.TaskStatus);
        Assert.Equal(InvocationStatus.Running, change.InvocationStatus);
        var stored = await sut.GetAsync(invocation.Id, CancellationToken.None);
        Assert.Null(stored!.StopRequestedAt);
        var untouched = await sut.GetTaskAsync(tasks[0].Id, CancellationToken.None);
        Assert.Null(untouched!.StopRequestedAt);
    }

    [Fact]
    public async Task RequestStopAsync_FinishedInvocation_KeepsItsFinalStatus()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var (invocation, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0]);
        await new TaskRepository(database.Connections)
            .FinishAsOwnerAsync(tasks[0], InvocationTaskStatus.Success, StartedAt);
        var sut = new InvocationRepository(database.Connections);

        var changes = await sut.RequestStopAsync(invocation.Id, null, StopAt, CancellationToken.None);

        Assert.Empty(changes);
        var stored = await sut.GetAsync(invocation.Id, CancellationToken.None);
        Assert.Equal(InvocationStatus.Success, stored!.Status);
        Assert.Null(stored.StopRequestedAt);
        Assert.Equal(StartedAt, stored.FinishedAt);
    }
}
