using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CloudAssist.Data.Tests.Audit;

public sealed class AuditRepositoryTests
{
    [Fact]
    public async Task AppendAsync_Entry_StoresEveryFieldWithIncreasingIds()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new AuditRepository(database.Connections);
        var entry = Entry("alice", "command.updated", "cmd-1", "Updated restart-nginx") with
        {
            DetailsJson = """{"before":{"name":"a"},"after":{"name":"b"}}""",
            SourceAddress = "10.0.0.7",
        };

        var first = await sut.AppendAsync(entry, CancellationToken.None);
        var second = await sut.AppendAsync(entry, CancellationToken.None);

        Assert.True(second > first);
        var (items, total) = await sut.SearchAsync(new AuditFilter(), 10, 0, CancellationToken.None);
        Assert.Equal(2, total);
        Assert.Equal(entry with { Id = first }, items[1]);
    }

    [Fact]
    public async Task SearchAsync_EachFilter_NarrowsToMatchingEntries()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new AuditRepository(database.Connections);
        await sut.AppendAsync(Entry("alice", "command.created", "cmd-1", "Created backup_job"), CancellationToken.None);
        await sut.AppendAsync(Entry("bob", "command.deleted", "cmd-2", "Deleted 100% disk"), CancellationToken.None);
        await sut.AppendAsync(
            Entry("bob", "schedule.paused", "sch-1", "Paused nightly") with { At = TestData.Now.AddHours(2) },
            CancellationToken.None);

        Assert.Equal(["cmd-2"], await TargetsAsync(sut, new AuditFilter(Actor: "bob", Action: "command.")));
        Assert.Equal(["sch-1"], await TargetsAsync(sut, new AuditFilter(From: TestData.Now.AddHours(1))));
        Assert.Equal(["cmd-2", "cmd-1"], await TargetsAsync(sut, new AuditFilter(To: TestData.Now.AddHours(1))));
        Assert.Equal(["cmd-1"], await TargetsAsync(sut, new AuditFilter(TargetKind: "command", TargetId: "cmd-1")));
        Assert.Equal(["cmd-2"], await TargetsAsync(sut, new AuditFilter(Text: "100%")));
        Assert.Equal(["cmd-1"], await TargetsAsync(sut, new AuditFilter(Text: "BACKUP_")));
        Assert.Empty(await TargetsAsync(sut, new AuditFilter(Action: "command_")));
    }

    [Fact]
    public async Task SearchAsync_Pages_NewestFirstWithTotal()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new AuditRepository(database.Connections);
        await AppendManyAsync(sut, 5);

        var (items, total) = await sut.SearchAsync(new AuditFilter(), 2, 2, CancellationToken.None);

        Assert.Equal(5, total);
        Assert.Equal(["cmd-2", "cmd-1"], items.Select(e => e.TargetId));
    }

    [Fact]
    public async Task ReadAllAsync_MoreRowsThanTheLimit_StopsAtTheLimitNewestFirst()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new AuditRepository(database.Connections);
        await AppendManyAsync(sut, 1200);

        var read = await sut.ReadAllAsync(new AuditFilter(), 1100, CancellationToken.None).ToListAsync();

        Assert.Equal(1100, read.Count);
        Assert.Equal("cmd-1199", read[0].TargetId);
        Assert.Equal("cmd-100", read[^1].TargetId);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET summary = 'rewritten'", "cannot be changed")]
    [InlineData("DELETE FROM audit_log", "cannot be deleted")]
    public async Task AuditLog_UpdateOrDelete_RefusedByTrigger(string sql, string message)
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new AuditRepository(database.Connections);
        await sut.AppendAsync(Entry("alice", "command.created", "cmd-1", "Created"), CancellationToken.None);
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(sql));

        Assert.Contains(message, error.Message);
        var (items, _) = await sut.SearchAsync(new AuditFilter(), 10, 0, CancellationToken.None);
        Assert.Equal("Created", Assert.Single(items).Summary);
    }

    private static AuditEntry Entry(string actor, string action, string targetId, string summary) =>
        TestData.AuditEntry(actor, action, targetId, summary);

    private static async Task AppendManyAsync(AuditRepository sut, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await sut.AppendAsync(Entry("alice", "command.created", $"cmd-{i}", "Created"), CancellationToken.None);
        }
    }

    private static async Task<List<string?>> TargetsAsync(AuditRepository sut, AuditFilter filter) =>
        (await sut.SearchAsync(filter, 50, 0, CancellationToken.None)).Items.Select(e => e.TargetId).ToList();
}
