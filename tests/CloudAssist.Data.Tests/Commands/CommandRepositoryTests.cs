using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Tests.Infrastructure;

namespace CloudAssist.Data.Tests.Commands;

public sealed class CommandRepositoryTests
{
    [Fact]
    public async Task CreateAsync_NewCommand_StoresEveryField()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new CommandRepository(database.Connections);
        var command = TestData.Command("restart-nginx", "Restarts the web server");

        var created = await sut.CreateAsync(command, CancellationToken.None);

        Assert.True(created);
        Assert.Equal(command, await sut.GetAsync(command.Id, CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_DuplicateName_ReturnsFalseAndStoresNothing()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new CommandRepository(database.Connections);
        var original = TestData.Command("restart-nginx");
        await sut.CreateAsync(original, CancellationToken.None);
        var duplicate = TestData.Command("restart-nginx") with { Content = "rm -rf /srv" };

        var created = await sut.CreateAsync(duplicate, CancellationToken.None);

        Assert.False(created);
        Assert.Null(await sut.GetAsync(duplicate.Id, CancellationToken.None));
        Assert.Equal(original, await sut.GetAsync(original.Id, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new CommandRepository(database.Connections);

        var command = await sut.GetAsync("cmd-missing", CancellationToken.None);

        Assert.Null(command);
    }

    [Fact]
    public async Task NameExistsAsync_NameOfAnotherCommand_ReturnsTrue()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new CommandRepository(database.Connections);
        await sut.CreateAsync(TestData.Command("restart-nginx"), CancellationToken.None);

        var exists = await sut.NameExistsAsync("restart-nginx", "cmd-other", CancellationToken.None);

        Assert.True(exists);
    }

    [Fact]
    public async Task NameExistsAsync_NameOfExceptedCommand_ReturnsFalse()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new CommandRepository(database.Connections);
        var command = TestData.Command("restart-nginx");
        await sut.CreateAsync(command, CancellationToken.None);

        var exists = await sut.NameExistsAsync("restart-nginx", command.Id, CancellationToken.None);

        Assert.False(exists);
    }

    [Fact]
    public async Task NameExistsAsync_UnusedName_ReturnsFalse()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new CommandRepository(database.Connections);
        await sut.CreateAsync(TestData.Command("restart-nginx"), CancellationToken.None);

        var exists = await sut.NameExistsAsync("restart-postgres", null, CancellationToken.None);

        Assert.False(exists);
    }

    [Fact]
    public async Task UpdateAsync_ExistingCommand_ReplacesFields()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new CommandRepository(database.Connections);
        var command = TestData.Command("restart-nginx");
        await sut.CreateAsync(command, CancellationToken.None);
        var changed = command with
        {
            Name = "reload-nginx",
            Description = "Reloads the configuration",
            CommandType = CommandTypes.Shell,
            Content = "nginx -s reload",
            WorkingDirectory = null,
            TimeoutSeconds = 10,
            ParametersJson = "[]",
            UpdatedAt = TestData.Now.AddMinutes(5),
        };

        var updated = await sut.UpdateAsync(changed, CancellationToken.None);

        Assert.True(updated);
        Assert.Equal(changed, await sut.GetAsync(command.Id, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_UnknownId_ReturnsFalse()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new CommandRepository(database.Connections);

        var updated = await sut.UpdateAsync(TestData.Command("ghost"), CancellationToken.None);

        Assert.False(updated);
    }

    [Fact]
    public async Task DeleteAsync_ExistingCommand_RemovesOnlyIt()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new CommandRepository(database.Connections);
        var doomed = TestData.Command("restart-nginx");
        var kept = TestData.Command("restart-postgres");
        await sut.CreateAsync(doomed, CancellationToken.None);
        await sut.CreateAsync(kept, CancellationToken.None);

        var deleted = await sut.DeleteAsync(doomed.Id, CancellationToken.None);

        Assert.True(deleted);
        Assert.Null(await sut.GetAsync(doomed.Id, CancellationToken.None));
        Assert.NotNull(await sut.GetAsync(kept.Id, CancellationToken.None));
        Assert.False(await sut.DeleteAsync(doomed.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_Search_MatchesNameOrDescriptionIgnoringCase()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new CommandRepository(database.Connections);
        await sut.CreateAsync(TestData.Command("restart-nginx"), CancellationToken.None);
        await sut.CreateAsync(TestData.Command("disk-usage", "Shows what fills NGINX logs"), CancellationToken.None);
        await sut.CreateAsync(TestData.Command("uptime", "How long the host has run"), CancellationToken.None);

        var found = await sut.ListAsync("  Nginx ", 50, 0, CancellationToken.None);

        Assert.Equal(["disk-usage", "restart-nginx"], found.Select(c => c.Name));
    }

    [Fact]
    public async Task ListAsync_NoSearch_PagesByName()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new CommandRepository(database.Connections);
        foreach (var name in new[] { "delta", "alpha", "charlie", "bravo" })
        {
            await sut.CreateAsync(TestData.Command(name), CancellationToken.None);
        }

        var page = await sut.ListAsync(null, 2, 1, CancellationToken.None);

        Assert.Equal(["bravo", "charlie"], page.Select(c => c.Name));
    }
}
