using CloudAssist.Data.Records;
using CloudAssist.Data.Tests.Infrastructure;

namespace CloudAssist.Data.Tests.Output;

/// <summary>Stream marks (stdout/stderr switches) are stored with the bytes and cut with the dropped middle.</summary>
public sealed class OutputStreamTests
{
    [Fact]
    public async Task AppendAsync_WithMarks_ReadBackInOrder()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (instanceId, taskId) = await OutputRepositoryTests.SeedTaskAsync(database);
        var sut = OutputRepositoryTests.CreateSut(database);

        await sut.AppendAsync(taskId, instanceId, 0, new byte[10], CancellationToken.None,
            [new OutputMark(0, "stdout"), new OutputMark(4, "stderr")]);
        await sut.AppendAsync(taskId, instanceId, 10, new byte[10], CancellationToken.None,
            [new OutputMark(10, "stderr"), new OutputMark(15, "stdout")]);

        var stored = await sut.ReadAsync(taskId, CancellationToken.None);
        Assert.Equal(
            [new OutputMark(0, "stdout"), new OutputMark(4, "stderr"), new OutputMark(10, "stderr"), new OutputMark(15, "stdout")],
            stored!.Marks);
    }

    [Fact]
    public async Task AppendAsync_RepeatedChunkWithMarks_StoresEachMarkOnce()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (instanceId, taskId) = await OutputRepositoryTests.SeedTaskAsync(database);
        var sut = OutputRepositoryTests.CreateSut(database);
        IReadOnlyList<OutputMark> marks = [new OutputMark(0, "stdout"), new OutputMark(3, "stderr")];

        await sut.AppendAsync(taskId, instanceId, 0, new byte[6], CancellationToken.None, marks);
        await sut.AppendAsync(taskId, instanceId, 0, new byte[8], CancellationToken.None, marks);

        var stored = await sut.ReadAsync(taskId, CancellationToken.None);
        Assert.Equal(8, stored!.TotalBytes);
        Assert.Equal([new OutputMark(0, "stdout"), new OutputMark(3, "stderr"), new OutputMark(6, "stderr")], stored.Marks);
    }

    [Fact]
    public async Task AppendAsync_PastCap_DropsMiddleMarksAndKeepsStreamAtTailStart()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (instanceId, taskId) = await OutputRepositoryTests.SeedTaskAsync(database);
        var sut = OutputRepositoryTests.CreateSut(database);
        var marks = Enumerable.Range(0, 100).Select(i => new OutputMark(i * 30, i % 2 == 0 ? "stdout" : "stderr")).ToList();

        await sut.AppendAsync(taskId, instanceId, 0, new byte[3000], CancellationToken.None, marks);

        var stored = await sut.ReadAsync(taskId, CancellationToken.None);
        var tailStart = 3000 - 512;
        Assert.DoesNotContain(stored!.Marks, m => m.ByteOffset >= 512 && m.ByteOffset < tailStart);
        Assert.Contains(new OutputMark(tailStart, marks.Last(m => m.ByteOffset <= tailStart).Stream), stored.Marks);
        Assert.Contains(new OutputMark(480, "stdout"), stored.Marks);
    }
}
