using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Data.Tests.Infrastructure;
using Dapper;

namespace CloudAssist.Data.Tests.Storage;

public sealed class MigrationRunnerTests
{
    [Fact]
    public async Task MigrateAsync_EmptyFile_AppliesEveryScript()
    {
        await using var database = TempDatabase.CreateEmpty();
        var sut = TempDatabase.CreateMigrationRunner(database.Connections);

        var applied = await sut.MigrateAsync(CancellationToken.None);

        Assert.NotEmpty(MigrationRunner.Scripts);
        Assert.Equal(MigrationRunner.Scripts.Count, applied);
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var versions = (await connection.QueryAsync<int>(
            "SELECT version FROM schema_version ORDER BY version")).ToList();
        Assert.Equal(MigrationRunner.Scripts.Select(s => s.Version), versions);
        Assert.Equal(MigrationRunner.CurrentVersion, versions[^1]);
    }

    [Fact]
    public async Task MigrateAsync_EmptyFile_SwitchesFileToWriteAheadLog()
    {
        await using var database = TempDatabase.CreateEmpty();
        var sut = TempDatabase.CreateMigrationRunner(database.Connections);

        await sut.MigrateAsync(CancellationToken.None);

        await using var connection = await database.Reopen().OpenAsync(CancellationToken.None);
        var mode = await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode");
        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task MigrateAsync_ReopenedCurrentFile_AppliesNothingAndKeepsData()
    {
        await using var database = await TempDatabase.CreateAsync();
        var command = TestData.Command("disk-usage");
        await new CommandRepository(database.Connections).CreateAsync(command, CancellationToken.None);
        var reopened = database.Reopen();
        var sut = TempDatabase.CreateMigrationRunner(reopened);

        var applied = await sut.MigrateAsync(CancellationToken.None);

        Assert.Equal(0, applied);
        var stored = await new CommandRepository(reopened).GetAsync(command.Id, CancellationToken.None);
        Assert.Equal(command, stored);
    }
}
