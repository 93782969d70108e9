using CloudAssist.Data.Repositories;
using CloudAssist.Data.Tests.Infrastructure;

namespace CloudAssist.Data.Tests.Instances;

public sealed class InstanceRepositoryTests
{
    [Fact]
    public async Task TouchAsync_KnownInstance_ReturnsPreviousRecordAndStoresPoll()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var sut = new InstanceRepository(database.Connections);
        var polledAt = TestData.Now.AddMinutes(5);

        var previous = await sut.TouchAsync(ids[0], polledAt, "boot-2", "1.1.0", CancellationToken.None);

        Assert.NotNull(previous);
        Assert.Equal("boot-1", previous.BootId);
        Assert.Equal(TestData.Now, previous.LastSeenAt);
        Assert.Equal("1.0.0", previous.AgentVersion);
        var current = await sut.GetAsync(ids[0], CancellationToken.None);
        Assert.NotNull(current);
        Assert.Equal("boot-2", current.BootId);
        Assert.Equal(polledAt, current.LastSeenAt);
        Assert.Equal("1.1.0", current.AgentVersion);
    }

    [Fact]
    public async Task RecordSeenAsync_NewerAndOlderTimes_MovesLastSeenOnlyForward()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var sut = new InstanceRepository(database.Connections);
        var later = TestData.Now.AddSeconds(30);

        var stored = await sut.RecordSeenAsync(
            [(ids[0], later), (ids[1], TestData.Now.AddSeconds(-30)), ("i-missing", later)], CancellationToken.None);

        Assert.Equal(1, stored);
        Assert.Equal(later, (await sut.GetAsync(ids[0], CancellationToken.None))!.LastSeenAt);
        Assert.Equal(TestData.Now, (await sut.GetAsync(ids[1], CancellationToken.None))!.LastSeenAt);
    }

    [Fact]
    public async Task TouchAsync_UnknownInstance_ReturnsNull()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new InstanceRepository(database.Connections);

        var previous = await sut.TouchAsync("i-missing", TestData.Now, "boot-1", "1.0.0", CancellationToken.None);

        Assert.Null(previous);
    }

    [Fact]
    public async Task DeregisterAsync_RegisteredInstance_SetsTimeAndDropsItFromList()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var sut = new InstanceRepository(database.Connections);
        var at = TestData.Now.AddHours(1);

        var deregistered = await sut.DeregisterAsync(ids[0], at, CancellationToken.None);

        Assert.True(deregistered);
        Assert.Equal(at, (await sut.GetAsync(ids[0], CancellationToken.None))!.DeregisteredAt);
        Assert.Equal([ids[1]], (await sut.ListAsync(CancellationToken.None)).Select(i => i.Id));
    }

    [Fact]
    public async Task DeregisterAsync_AlreadyDeregistered_ReturnsFalseAndKeepsFirstTime()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var sut = new InstanceRepository(database.Connections);
        await sut.DeregisterAsync(ids[0], TestData.Now, CancellationToken.None);

        var deregistered = await sut.DeregisterAsync(ids[0], TestData.Now.AddHours(1), CancellationToken.None);

        Assert.False(deregistered);
        Assert.Equal(TestData.Now, (await sut.GetAsync(ids[0], CancellationToken.None))!.DeregisteredAt);
    }

    [Fact]
    public async Task SetTagsAsync_DeregisteredInstance_ReturnsFalseAndKeepsTags()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 1);
        var sut = new InstanceRepository(database.Connections);
        await sut.DeregisterAsync(ids[0], TestData.Now, CancellationToken.None);

        var set = await sut.SetTagsAsync(ids[0], """["db"]""", CancellationToken.None);

        Assert.False(set);
        Assert.Equal("""["web"]""", (await sut.GetAsync(ids[0], CancellationToken.None))!.TagsJson);
    }
}
