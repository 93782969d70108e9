using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CloudAssist.Data.Tests.Audit;

/// <summary>A change and its audit entry are stored together or not at all.</summary>
public sealed class AuditedWriteTests
{
    [Fact]
    public async Task CommandCreate_WithEntry_StoresBoth()
    {
        await using var database = await TempDatabase.CreateAsync();
        var commands = new CommandRepository(database.Connections);
        var command = TestData.Command("restart-nginx");

        Assert.True(await commands.CreateAsync(command, CancellationToken.None, Entry("command.created", command.Id)));

        Assert.NotNull(await commands.GetAsync(command.Id, CancellationToken.None));
        Assert.Equal(["command.created"], await ActionsAsync(database));
    }

    [Fact]
    public async Task CommandCreate_EntryRefused_CommandNotStoredEither()
    {
        await using var database = await TempDatabase.CreateAsync();
        await RefuseAuditEntriesAsync(database);
        var commands = new CommandRepository(database.Connections);
        var command = TestData.Command("restart-nginx");

        await Assert.ThrowsAsync<SqliteException>(
            () => commands.CreateAsync(command, CancellationToken.None, Entry("command.created", command.Id)));

        Assert.Null(await commands.GetAsync(command.Id, CancellationToken.None));
    }

    [Fact]
    public async Task CommandCreate_NameTaken_NoEntry()
    {
        await using var database = await TempDatabase.CreateAsync();
        var commands = new CommandRepository(database.Connections);
        await commands.CreateAsync(TestData.Command("restart-nginx"), CancellationToken.None);
        var twin = TestData.Command("restart-nginx");

        Assert.False(await commands.CreateAsync(twin, CancellationToken.None, Entry("command.created", twin.Id)));

        Assert.Empty(await ActionsAsync(database));
    }

    [Fact]
    public async Task InstanceDeregister_EntryRefused_InstanceStaysRegistered()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        await RefuseAuditEntriesAsync(database);
        var instances = new InstanceRepository(database.Connections);

        await Assert.ThrowsAsync<SqliteException>(() => instances.DeregisterAsync(
            ids[0], TestData.Now, CancellationToken.None, Entry("instance.deregistered", ids[0])));

        Assert.Null((await instances.GetAsync(ids[0], CancellationToken.None))!.DeregisteredAt);
    }

    [Fact]
    public async Task InvocationStop_EntryRefused_TasksStayPending()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (invocation, tasks) = await Seed.InvocationAsync(
            database, TestData.Now, await Seed.InstancesAsync(database, 2));
        await RefuseAuditEntriesAsync(database);
        var invocations = new InvocationRepository(database.Connections);

        await Assert.ThrowsAsync<SqliteException>(() => invocations.RequestStopAsync(
            invocation.Id,
            null,
            TestData.Now,
            CancellationToken.None,
            _ => Entry("invocation.stopped", invocation.Id)));

        var stored = await invocations.ListTasksAsync(invocation.Id, CancellationToken.None);
        Assert.All(stored, t => Assert.Equal(InvocationTaskStatus.Pending, t.Status));
        Assert.Equal(tasks.Length, stored.Count);
    }

    [Fact]
    public async Task InvocationStop_WithEntry_EntryNamesTheChangedTasks()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (invocation, tasks) = await Seed.InvocationAsync(
            database, TestData.Now, await Seed.InstancesAsync(database, 2));
        var invocations = new InvocationRepository(database.Connections);

        var changes = await invocations.RequestStopAsync(
            invocation.Id,
            null,
            TestData.Now,
            CancellationToken.None,
            changed => Entry("invocation.stopped", invocation.Id) with { Summary = $"{changed.Count} task(s)" });

        Assert.Equal(tasks.Length, changes.Count);
        var (items, _) = await new AuditRepository(database.Connections)
            .SearchAsync(new AuditFilter(), 10, 0, CancellationToken.None);
        Assert.Equal($"{tasks.Length} task(s)", Assert.Single(items).Summary);
    }

    private static AuditEntry Entry(string action, string targetId) =>
        TestData.AuditEntry("alice", action, targetId, action);

    /// <summary>Makes every audit insert fail, as a full disk or a broken file would.</summary>
    private static async Task RefuseAuditEntriesAsync(TempDatabase database)
    {
        await using var connection = await database.Connections.OpenWriterAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
    }

    private static async Task<List<string>> ActionsAsync(TempDatabase database)
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<string>("SELECT action FROM audit_log ORDER BY id")).AsList();
    }
}
