using System.Text;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Data.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CloudAssist.Data.Tests.Output;

public sealed class OutputRepositoryTests
{
    private const int Cap = 1024;

    [Fact]
    public async Task AppendAsync_ChunksInOrder_StoresThemEndToEnd()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (instanceId, taskId) = await SeedTaskAsync(database);
        var sut = CreateSut(database);

        var first = await sut.AppendAsync(taskId, instanceId, 0, Bytes("hello "), CancellationToken.None);
        var second = await sut.AppendAsync(taskId, instanceId, 6, Bytes("world\n"), CancellationToken.None);

        Assert.Equal(OutputAppendOutcome.Appended, first.Outcome);
        Assert.Equal(6, first.NextOffset);
        Assert.Equal(new OutputAppendResult(OutputAppendOutcome.Appended, 12, first.InvocationId), second);
        var output = await sut.ReadAsync(taskId, CancellationToken.None);
        Assert.Equal(Bytes("hello world\n"), output!.Head);
        Assert.Empty(output.Tail);
        Assert.Equal(12, output.TotalBytes);
        Assert.Equal(0, output.DroppedBytes);
    }

    [Fact]
    public async Task AppendAsync_RepeatedChunk_IsDuplicateAndStoredOnce()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (instanceId, taskId) = await SeedTaskAsync(database);
        var sut = CreateSut(database);
        await sut.AppendAsync(taskId, instanceId, 0, Bytes("line 1\n"), CancellationToken.None);

        var result = await sut.AppendAsync(taskId, instanceId, 0, Bytes("line 1\n"), CancellationToken.None);

        Assert.Equal(OutputAppendOutcome.Duplicate, result.Outcome);
        Assert.Equal(7, result.NextOffset);
        var output = await sut.ReadAsync(taskId, CancellationToken.None);
        Assert.Equal(Bytes("line 1\n"), output!.Head);
        Assert.Equal(7, output.TotalBytes);
    }

    [Fact]
    public async Task AppendAsync_OverlappingChunk_StoresOnlyTheNewPart()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (instanceId, taskId) = await SeedTaskAsync(database);
        var sut = CreateSut(database);
        await sut.AppendAsync(taskId, instanceId, 0, Bytes("line 1\nli"), CancellationToken.None);

        var result = await sut.AppendAsync(taskId, instanceId, 7, Bytes("line 2\n"), CancellationToken.None);

        Assert.Equal(OutputAppendOutcome.Appended, result.Outcome);
        Assert.Equal(14, result.NextOffset);
        var output = await sut.ReadAsync(taskId, CancellationToken.None);
        Assert.Equal(Bytes("line 1\nline 2\n"), output!.Head);
    }

    [Fact]
    public async Task AppendAsync_ChunkPastTheEnd_ReportsGapAtReceivedOffset()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (instanceId, taskId) = await SeedTaskAsync(database);
        var sut = CreateSut(database);
        await sut.AppendAsync(taskId, instanceId, 0, Bytes("abc"), CancellationToken.None);

        var result = await sut.AppendAsync(taskId, instanceId, 10, Bytes("xyz"), CancellationToken.None);

        Assert.Equal(OutputAppendOutcome.Gap, result.Outcome);
        Assert.Equal(3, result.NextOffset);
        Assert.Equal(Bytes("abc"), (await sut.ReadAsync(taskId, CancellationToken.None))!.Head);
    }

    [Fact]
    public async Task AppendAsync_WrongInstance_ReturnsNotFoundAndStoresNothing()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (_, taskId) = await SeedTaskAsync(database);
        var stranger = (await Seed.InstancesAsync(database, 1))[0];
        var sut = CreateSut(database);

        var result = await sut.AppendAsync(taskId, stranger, 0, Bytes("intrusion"), CancellationToken.None);

        Assert.Equal(new OutputAppendResult(OutputAppendOutcome.NotFound, 0, ""), result);
        var output = await sut.ReadAsync(taskId, CancellationToken.None);
        Assert.Empty(output!.Head);
        Assert.Equal(0, output.TotalBytes);
    }

    [Fact]
    public async Task AppendAsync_FinishedTask_ReturnsFinishedAndStoresNothing()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (instanceId, taskId) = await SeedTaskAsync(database);
        var sut = CreateSut(database);
        await sut.AppendAsync(taskId, instanceId, 0, Bytes("done\n"), CancellationToken.None);
        await new TaskRepository(database.Connections).FinishAsync(
            taskId,
            instanceId,
            TestData.Finish(InvocationTaskStatus.Success, TestData.Now.AddSeconds(2)),
            TestData.Now.AddSeconds(2),
            CancellationToken.None);

        var result = await sut.AppendAsync(taskId, instanceId, 5, Bytes("late\n"), CancellationToken.None);

        Assert.Equal(OutputAppendOutcome.Finished, result.Outcome);
        Assert.Equal(5, result.NextOffset);
        Assert.Equal(Bytes("done\n"), (await sut.ReadAsync(taskId, CancellationToken.None))!.Head);
    }

    [Fact]
    public async Task ReadAsync_UnknownTask_ReturnsNull()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = CreateSut(database);

        var output = await sut.ReadAsync("task-missing", CancellationToken.None);

        Assert.Null(output);
    }

    internal static OutputRepository CreateSut(TempDatabase database) =>
        new(database.Connections, Options.Create(new OutputOptions { MaxBytesPerTask = Cap }));

    internal static async Task<(string InstanceId, string TaskId)> SeedTaskAsync(TempDatabase database)
    {
        var instanceId = (await Seed.InstancesAsync(database, 1))[0];
        var (_, tasks) = await Seed.InvocationAsync(database, TestData.Now, instanceId);
        return (instanceId, tasks[0].Id);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
