using CloudAssist.Data.Storage;
using CloudAssist.Data.Tests.Infrastructure;
using Dapper;

namespace CloudAssist.Data.Tests.Storage;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task WriteAsync_ManyCallersAtOnce_EveryUnitCommittedWithItsOwnResult()
    {
        await using var database = await CreateWithProbeTableAsync();
        var sut = database.Connections;

        var results = await Task.WhenAll(Enumerable.Range(1, 300).Select(n => Task.Run(() => InsertAsync(sut, n))));

        Assert.Equal(Enumerable.Range(1, 300), results.Order());
        Assert.Equal(Enumerable.Range(1, 300), await ReadProbeAsync(database));
    }

    [Fact]
    public async Task WriteAsync_OneUnitThrowsAmongOthers_OnlyThatUnitRolledBackAndTold()
    {
        await using var database = await CreateWithProbeTableAsync();
        var sut = database.Connections;
        var writer = await sut.OpenWriterAsync(CancellationToken.None);

        // Queued while another writer holds the turn, so they run together once it lets go.
        var units = Enumerable.Range(1, 20)
            .Select(n => n == 7 ? InsertThenThrowAsync(sut, n) : InsertAsync(sut, n))
            .ToList();
        await writer.DisposeAsync();
        await Task.WhenAny(Task.WhenAll(units));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => units[6]);
        Assert.Equal("unit 7 failed", failure.Message);
        Assert.All(units.Where((_, i) => i != 6), u => Assert.True(u.IsCompletedSuccessfully));
        Assert.Equal(Enumerable.Range(1, 20).Where(n => n != 7), await ReadProbeAsync(database));
    }

    [Fact]
    public async Task WriteAsync_CancelledWhileQueued_NothingWrittenAndCallerSeesCancellation()
    {
        await using var database = await CreateWithProbeTableAsync();
        var sut = database.Connections;
        var writer = await sut.OpenWriterAsync(CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var queued = InsertAsync(sut, 1, cancellation.Token);
        var other = InsertAsync(sut, 2);
        await cancellation.CancelAsync();
        await writer.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.Equal(2, await other);
        Assert.Equal([2], await ReadProbeAsync(database));
    }

    [Fact]
    public async Task WriteAsync_AlreadyCancelled_ThrowsAtOnce()
    {
        await using var database = await CreateWithProbeTableAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => InsertAsync(database.Connections, 1, new CancellationToken(canceled: true)));

        Assert.Empty(await ReadProbeAsync(database));
    }

    private static Task<int> InsertAsync(
        IDbConnectionFactory connections,
        int n,
        CancellationToken cancellationToken = default) =>
        connections.WriteAsync(
            async (connection, transaction, token) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO probe (n) VALUES (@n)", new { n }, transaction, cancellationToken: token));
                return n;
            },
            cancellationToken);

    private static Task<int> InsertThenThrowAsync(IDbConnectionFactory connections, int n) =>
        connections.WriteAsync<int>(
            async (connection, transaction, token) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO probe (n) VALUES (@n)", new { n }, transaction, cancellationToken: token));
                throw new InvalidOperationException($"unit {n} failed");
            },
            CancellationToken.None);

    private static async Task<TempDatabase> CreateWithProbeTableAsync()
    {
        var database = await TempDatabase.CreateAsync();
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE probe (n INTEGER NOT NULL)");
        return database;
    }

    private static async Task<List<int>> ReadProbeAsync(TempDatabase database)
    {
        await using var connection = await database.Reopen().OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<int>("SELECT n FROM probe ORDER BY n")).AsList();
    }
}
