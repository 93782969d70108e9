using CloudAssist.Data.Records;
using CloudAssist.Data.Tests.Infrastructure;

namespace CloudAssist.Data.Tests.Output;

/// <summary>Past the per-task cap of 1024 bytes only the first 512 and the last 512 are kept.</summary>
public sealed class OutputCapTests
{
    private const int Half = 512;

    [Fact]
    public async Task AppendAsync_ManyOddChunksPastCap_KeepsExactHeadAndTail()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (instanceId, taskId) = await OutputRepositoryTests.SeedTaskAsync(database);
        var sut = OutputRepositoryTests.CreateSut(database);
        var output = Pattern(5000);

        for (var offset = 0; offset < output.Length; offset += 37)
        {
            var chunk = output[offset..Math.Min(offset + 37, output.Length)];
            var result = await sut.AppendAsync(taskId, instanceId, offset, chunk, CancellationToken.None);
            Assert.Equal(OutputAppendOutcome.Appended, result.Outcome);
        }

        var stored = await sut.ReadAsync(taskId, CancellationToken.None);
        Assert.Equal(output[..Half], stored!.Head);
        Assert.Equal(output[^Half..], stored.Tail);
        Assert.Equal(5000, stored.TotalBytes);
        Assert.Equal(5000 - (2 * Half), stored.DroppedBytes);
    }

    [Fact]
    public async Task AppendAsync_OneChunkLargerThanCap_KeepsExactHeadAndTail()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (instanceId, taskId) = await OutputRepositoryTests.SeedTaskAsync(database);
        var sut = OutputRepositoryTests.CreateSut(database);
        var output = Pattern(3001);

        var result = await sut.AppendAsync(taskId, instanceId, 0, output, CancellationToken.None);

        Assert.Equal(new OutputAppendResult(OutputAppendOutcome.Appended, 3001, result.InvocationId), result);
        var stored = await sut.ReadAsync(taskId, CancellationToken.None);
        Assert.Equal(output[..Half], stored!.Head);
        Assert.Equal(output[^Half..], stored.Tail);
        Assert.Equal(3001 - (2 * Half), stored.DroppedBytes);
    }

    [Fact]
    public async Task AppendAsync_RepeatOfDroppedChunk_IsDuplicate()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (instanceId, taskId) = await OutputRepositoryTests.SeedTaskAsync(database);
        var sut = OutputRepositoryTests.CreateSut(database);
        var output = Pattern(2000);
        await sut.AppendAsync(taskId, instanceId, 0, output, CancellationToken.None);

        var result = await sut.AppendAsync(taskId, instanceId, 700, output[700..800], CancellationToken.None);

        Assert.Equal(OutputAppendOutcome.Duplicate, result.Outcome);
        Assert.Equal(2000, result.NextOffset);
        Assert.Equal(output[^Half..], (await sut.ReadAsync(taskId, CancellationToken.None))!.Tail);
    }

    [Fact]
    public async Task ReadAsync_OutputBetweenHalfCapAndCap_ReturnsEveryByteInHead()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (instanceId, taskId) = await OutputRepositoryTests.SeedTaskAsync(database);
        var sut = OutputRepositoryTests.CreateSut(database);
        var output = Pattern(800);
        await sut.AppendAsync(taskId, instanceId, 0, output[..300], CancellationToken.None);
        await sut.AppendAsync(taskId, instanceId, 300, output[300..], CancellationToken.None);

        var stored = await sut.ReadAsync(taskId, CancellationToken.None);

        Assert.Equal(output, stored!.Head);
        Assert.Empty(stored.Tail);
        Assert.Equal(0, stored.DroppedBytes);
    }

    /// <summary>Bytes that differ from any shifted copy of themselves, so a misplaced byte shows.</summary>
    private static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }
}
