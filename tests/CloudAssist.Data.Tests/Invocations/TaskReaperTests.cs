using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Tests.Infrastructure;

namespace CloudAssist.Data.Tests.Invocations;

/// <summary><see cref="TaskRepository.ReapAsync"/>: ending tasks no agent will report on.</summary>
public sealed class TaskReaperTests
{
    private static readonly TimeSpan DeliveryWindow = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReapAsync_PendingPastDeliveryWindow_EndsWithDeliveryTimeout()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var now = TestData.Now.AddMinutes(10);
        var cutoff = now - DeliveryWindow;
        var (stale, staleTasks) = await Seed.InvocationAsync(database, cutoff.AddMilliseconds(-1), ids[0]);
        var (_, freshTasks) = await Seed.InvocationAsync(database, cutoff, ids[0]);
        var invocations = new InvocationRepository(database.Connections);
        var sut = new TaskRepository(database.Connections);

        var changes = await sut.ReapAsync(now, cutoff, Grace, CancellationToken.None);

        var change = Assert.Single(changes);
        Assert.Equal((staleTasks[0].Id, stale.Id, ids[0]), (change.TaskId, change.InvocationId, change.InstanceId));
        Assert.Equal(InvocationTaskStatus.Error, change.TaskStatus);
        Assert.Equal(InvocationStatus.Failed, change.InvocationStatus);
        var reaped = await invocations.GetTaskAsync(staleTasks[0].Id, CancellationToken.None);
        Assert.Equal(InvocationTaskStatus.Error, reaped!.Status);
        Assert.Equal("DeliveryTimeout", reaped.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(reaped.ErrorMessage));
        Assert.Equal(now, reaped.FinishedAt);
        var spared = await invocations.GetTaskAsync(freshTasks[0].Id, CancellationToken.None);
        Assert.Equal(InvocationTaskStatus.Pending, spared!.Status);
        var invocation = await invocations.GetAsync(stale.Id, CancellationToken.None);
        Assert.Equal(InvocationStatus.Failed, invocation!.Status);
        Assert.Equal(now, invocation.FinishedAt);
    }

    [Fact]
    public async Task ReapAsync_RunningPastTimeoutAndGrace_EndsWithExecutionInterrupted()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var (invocation, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0], ids[1]);
        var timeout = TimeSpan.FromSeconds(invocation.TimeoutSeconds);
        var now = TestData.Now + timeout + Grace + TimeSpan.FromSeconds(1);
        var invocations = new InvocationRepository(database.Connections);
        var sut = new TaskRepository(database.Connections);
        await sut.StartAsOwnerAsync(tasks[0], TestData.Now);
        await sut.StartAsOwnerAsync(tasks[1], TestData.Now.AddSeconds(1));

        var changes = await sut.ReapAsync(now, TestData.Now.AddDays(-1), Grace, CancellationToken.None);

        var change = Assert.Single(changes);
        Assert.Equal(tasks[0].Id, change.TaskId);
        Assert.Equal(InvocationStatus.Running, change.InvocationStatus);
        var reaped = await invocations.GetTaskAsync(tasks[0].Id, CancellationToken.None);
        Assert.Equal(InvocationTaskStatus.Error, reaped!.Status);
        Assert.Equal("ExecutionInterrupted", reaped.ErrorCode);
        Assert.Equal(now, reaped.FinishedAt);
        var spared = await invocations.GetTaskAsync(tasks[1].Id, CancellationToken.None);
        Assert.Equal(InvocationTaskStatus.Running, spared!.Status);
    }

    [Fact]
    public async Task ReapAsync_FinishedTasks_LeavesThemAlone()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var (_, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0]);
        var invocations = new InvocationRepository(database.Connections);
        var sut = new TaskRepository(database.Connections);
        await sut.FinishAsOwnerAsync(tasks[0], InvocationTaskStatus.Success, TestData.Now.AddSeconds(1));
        var now = TestData.Now.AddDays(1);

        var changes = await sut.ReapAsync(now, now - DeliveryWindow, Grace, CancellationToken.None);

        Assert.Empty(changes);
        var task = await invocations.GetTaskAsync(tasks[0].Id, CancellationToken.None);
        Assert.Equal(InvocationTaskStatus.Success, task!.Status);
    }
}
