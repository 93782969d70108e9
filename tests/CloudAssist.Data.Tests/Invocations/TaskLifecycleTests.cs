using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Tests.Infrastructure;

namespace CloudAssist.Data.Tests.Invocations;

/// <summary>
/// <see cref="TaskRepository.MarkStartedAsync"/> and <see cref="TaskRepository.FinishAsync"/>.
/// </summary>
public sealed class TaskLifecycleTests
{
    private static readonly DateTimeOffset StartedAt = TestData.Now.AddSeconds(1);
    private static readonly DateTimeOffset FinishedAt = TestData.Now.AddSeconds(5);

    [Fact]
    public async Task MarkStartedAsync_OwningInstance_RunsTaskAndInvocation()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var (invocation, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0], ids[1]);
        var invocations = new InvocationRepository(database.Connections);
        var sut = new TaskRepository(database.Connections);

        var result = await sut.MarkStartedAsync(
            tasks[0].Id, ids[0], StartedAt, StartedAt, CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal(InvocationTaskStatus.Running, result.Value.Task.Status);
        Assert.Equal(StartedAt, result.Value.Task.StartedAt);
        var change = result.Value.Change;
        Assert.NotNull(change);
        Assert.Equal((tasks[0].Id, invocation.Id, ids[0]), (change.TaskId, change.InvocationId, change.InstanceId));
        Assert.Equal(InvocationTaskStatus.Running, change.TaskStatus);
        Assert.Equal(InvocationStatus.Running, change.InvocationStatus);
        var stored = await invocations.GetAsync(invocation.Id, CancellationToken.None);
        Assert.Equal(InvocationStatus.Running, stored!.Status);
    }

    [Fact]
    public async Task MarkStartedAsync_WrongInstance_ReturnsNullAndChangesNothing()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var (invocation, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0], ids[1]);
        var invocations = new InvocationRepository(database.Connections);
        var sut = new TaskRepository(database.Connections);

        var result = await sut.MarkStartedAsync(
            tasks[0].Id, ids[1], StartedAt, StartedAt, CancellationToken.None);

        Assert.Null(result);
        var task = await invocations.GetTaskAsync(tasks[0].Id, CancellationToken.None);
        Assert.Equal(InvocationTaskStatus.Pending, task!.Status);
        Assert.Null(task.StartedAt);
        var stored = await invocations.GetAsync(invocation.Id, CancellationToken.None);
        Assert.Equal(InvocationStatus.Pending, stored!.Status);
    }

    [Fact]
    public async Task FinishAsync_EveryTaskSucceeded_InvocationSucceeds()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var (invocation, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0], ids[1]);
        var invocations = new InvocationRepository(database.Connections);
        var sut = new TaskRepository(database.Connections);
        await sut.StartAsOwnerAsync(tasks[0], StartedAt);
        await sut.StartAsOwnerAsync(tasks[1], StartedAt);
        await sut.FinishAsOwnerAsync(tasks[0], InvocationTaskStatus.Success, StartedAt);

        var last = await sut.FinishAsync(
            tasks[1].Id,
            ids[1],
            TestData.Finish(InvocationTaskStatus.Success, FinishedAt),
            FinishedAt,
            CancellationToken.None);

        Assert.NotNull(last);
        Assert.Equal(0, last.Value.Task.ExitCode);
        Assert.Equal(InvocationStatus.Success, last.Value.Change!.InvocationStatus);
        var stored = await invocations.GetAsync(invocation.Id, CancellationToken.None);
        Assert.Equal(InvocationStatus.Success, stored!.Status);
        Assert.Equal(FinishedAt, stored.FinishedAt);
    }

    [Fact]
    public async Task FinishAsync_OneFailedOneSucceeded_InvocationPartiallyFails()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var (invocation, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0], ids[1]);
        var invocations = new InvocationRepository(database.Connections);
        var sut = new TaskRepository(database.Connections);
        await sut.StartAsOwnerAsync(tasks[0], StartedAt);
        await sut.StartAsOwnerAsync(tasks[1], StartedAt);

        var first = await sut.FinishAsOwnerAsync(tasks[0], InvocationTaskStatus.Failed, StartedAt);
        var last = await sut.FinishAsOwnerAsync(tasks[1], InvocationTaskStatus.Success, FinishedAt);

        Assert.Equal(InvocationStatus.Running, first!.Value.Change!.InvocationStatus);
        Assert.Equal(InvocationStatus.PartialFailed, last!.Value.Change!.InvocationStatus);
        var stored = await invocations.GetAsync(invocation.Id, CancellationToken.None);
        Assert.Equal(InvocationStatus.PartialFailed, stored!.Status);
        Assert.Equal(FinishedAt, stored.FinishedAt);
    }

    [Fact]
    public async Task FinishAsync_AlreadyFinished_ReturnsNoChangeAndKeepsFirstResult()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var (invocation, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0]);
        var invocations = new InvocationRepository(database.Connections);
        var sut = new TaskRepository(database.Connections);
        await sut.FinishAsOwnerAsync(tasks[0], InvocationTaskStatus.Success, FinishedAt);

        var repeat = await sut.FinishAsOwnerAsync(tasks[0], InvocationTaskStatus.Failed, FinishedAt.AddHours(1));

        Assert.NotNull(repeat);
        Assert.Null(repeat.Value.Change);
        Assert.Equal(InvocationTaskStatus.Success, repeat.Value.Task.Status);
        Assert.Equal(FinishedAt, repeat.Value.Task.FinishedAt);
        var stored = await invocations.GetAsync(invocation.Id, CancellationToken.None);
        Assert.Equal(InvocationStatus.Success, stored!.Status);
        Assert.Equal(FinishedAt, stored.FinishedAt);
    }

    [Fact]
    public async Task FinishAsync_WrongInstance_ReturnsNullAndLeavesTaskRunning()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var (_, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0]);
        var invocations = new InvocationRepository(database.Connections);
        var sut = new TaskRepository(database.Connections);
        await sut.StartAsOwnerAsync(tasks[0], StartedAt);

        var result = await sut.FinishAsync(
            tasks[0].Id,
            ids[1],
            TestData.Finish(InvocationTaskStatus.Success, FinishedAt),
            FinishedAt,
            CancellationToken.None);

        Assert.Null(result);
        var task = await invocations.GetTaskAsync(tasks[0].Id, CancellationToken.None);
        Assert.Equal(InvocationTaskStatus.Running, task!.Status);
        Assert.Null(task.FinishedAt);
    }
}
