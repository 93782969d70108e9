using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Tests.Infrastructure;

namespace CloudAssist.Data.Tests.Invocations;

/// <summary><see cref="TaskRepository.TakeDeliverableAsync"/>: which pending tasks an agent gets.</summary>
public sealed class TaskDeliveryTests
{
    private static readonly TimeSpan RedeliverAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task TakeDeliverableAsync_TwoInstances_ReturnsOnlyTheCallersTask()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var (invocation, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0], ids[1]);
        var invocations = new InvocationRepository(database.Connections);
        var sut = new TaskRepository(database.Connections);

        var taken = await TakeAsync(sut, ids[1], 10, TestData.Now);

        var only = Assert.Single(taken);
        Assert.Equal(tasks[1].Id, only.Id);
        Assert.Equal(invocation.Id, only.InvocationId);
        Assert.Equal(invocation.CommandType, only.CommandType);
        Assert.Equal(invocation.Content, only.Content);
        Assert.Equal(invocation.TimeoutSeconds, only.TimeoutSeconds);
        var stored = await invocations.GetTaskAsync(tasks[1].Id, CancellationToken.None);
        Assert.Equal(TestData.Now, stored!.DeliveredAt);
    }

    [Fact]
    public async Task TakeDeliverableAsync_MoreTasksThanMax_ReturnsOldestUpToMax()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var (_, newest) = await Seed.InvocationAsync(database, TestData.Now.AddSeconds(-1), ids[0]);
        var (_, oldest) = await Seed.InvocationAsync(database, TestData.Now.AddSeconds(-3), ids[0]);
        var (_, middle) = await Seed.InvocationAsync(database, TestData.Now.AddSeconds(-2), ids[0]);
        var sut = new TaskRepository(database.Connections);

        var first = await TakeAsync(sut, ids[0], 2, TestData.Now);
        var rest = await TakeAsync(sut, ids[0], 2, TestData.Now);

        Assert.Equal([oldest[0].Id, middle[0].Id], first.Select(t => t.Id));
        Assert.Equal([newest[0].Id], rest.Select(t => t.Id));
    }

    [Fact]
    public async Task TakeDeliverableAsync_DeliveredTask_WithheldUntilRedeliveryTimePasses()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var (_, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0]);
        var sut = new TaskRepository(database.Connections);
        await TakeAsync(sut, ids[0], 10, TestData.Now);

        var soon = await TakeAsync(sut, ids[0], 10, TestData.Now + RedeliverAfter);
        var later = await TakeAsync(sut, ids[0], 10, TestData.Now + RedeliverAfter + OneMillisecond);

        Assert.Empty(soon);
        Assert.Equal([tasks[0].Id], later.Select(t => t.Id));
    }

    [Fact]
    public async Task TakeDeliverableAsync_StartedTask_NeverRedelivered()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var (_, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0]);
        var sut = new TaskRepository(database.Connections);
        await TakeAsync(sut, ids[0], 10, TestData.Now);
        await sut.MarkStartedAsync(tasks[0].Id, ids[0], TestData.Now, TestData.Now, CancellationToken.None);

        var taken = await TakeAsync(sut, ids[0], 10, TestData.Now.AddHours(1));

        Assert.Empty(taken);
    }

    [Fact]
    public async Task TakeDeliverableAsync_MaxZero_ReturnsNothingAndLeavesTaskUndelivered()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var (_, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0]);
        var invocations = new InvocationRepository(database.Connections);
        var sut = new TaskRepository(database.Connections);

        var taken = await TakeAsync(sut, ids[0], 0, TestData.Now);

        Assert.Empty(taken);
        var stored = await invocations.GetTaskAsync(tasks[0].Id, CancellationToken.None);
        Assert.Null(stored!.DeliveredAt);
        Assert.Equal(InvocationTaskStatus.Pending, stored.Status);
    }

    /// <summary>Takes work as the agent poll does: tasks delivered over a minute ago go out again.</summary>
    private static Task<IReadOnlyList<DeliverableTask>> TakeAsync(
        TaskRepository sut,
        string instanceId,
        int max,
        DateTimeOffset now) =>
        sut.TakeDeliverableAsync(instanceId, max, now, now - RedeliverAfter, CancellationToken.None);
}
