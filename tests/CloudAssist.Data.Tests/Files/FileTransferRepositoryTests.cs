using System.Security.Cryptography;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Tests.Infrastructure;
using Dapper;

namespace CloudAssist.Data.Tests.Files;

public sealed class FileTransferRepositoryTests
{
    [Fact]
    public async Task CreateAsync_ThreeTargets_OneInvocationThreeTasksAndTheBytesOnce()
    {
        await using var database = await TempDatabase.CreateAsync();
        var instances = await Seed.InstancesAsync(database, 3);
        var (invocation, tasks, file, content) = FileInvocation(instances);
        var sut = new FileTransferRepository(database.Connections);

        await sut.CreateAsync(invocation, tasks, file, content, CancellationToken.None);

        Assert.Equal(file, await sut.GetAsync(invocation.Id, CancellationToken.None));
        Assert.Equal(content, await sut.ReadContentAsync(invocation.Id, CancellationToken.None));
        var invocations = new InvocationRepository(database.Connections);
        var stored = await invocations.ListTasksAsync(invocation.Id, CancellationToken.None);
        Assert.Equal(3, stored.Count);
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM file_transfers"));
    }

    [Fact]
    public async Task GetAsync_ScriptInvocation_Null()
    {
        await using var database = await TempDatabase.CreateAsync();
        var instances = await Seed.InstancesAsync(database, 1);
        var (invocation, _) = await Seed.InvocationAsync(database, TestData.Now, instances);
        var sut = new FileTransferRepository(database.Connections);

        var file = await sut.GetAsync(invocation.Id, CancellationToken.None);

        Assert.Null(file);
        Assert.Null(await sut.ReadContentAsync(invocation.Id, CancellationToken.None));
    }

    [Fact]
    public async Task DropContentOfEndedAsync_OneEndedOneRunning_DropsOnlyTheEndedOnesBytes()
    {
        await using var database = await TempDatabase.CreateAsync();
        var instances = await Seed.InstancesAsync(database, 1);
        var sut = new FileTransferRepository(database.Connections);
        var ended = FileInvocation(instances);
        var open = FileInvocation(instances);
        await sut.CreateAsync(ended.Invocation, ended.Tasks, ended.File, ended.Content, CancellationToken.None);
        await sut.CreateAsync(open.Invocation, open.Tasks, open.File, open.Content, CancellationToken.None);
        await new TaskRepository(database.Connections).FinishAsync(ended.Tasks[0].Id, instances[0],
            TestData.Finish(InvocationTaskStatus.Success, TestData.Now), TestData.Now, CancellationToken.None);

        var dropped = await sut.DropContentOfEndedAsync(CancellationToken.None);

        Assert.Equal(1, dropped);
        Assert.Null(await sut.ReadContentAsync(ended.Invocation.Id, CancellationToken.None));
        Assert.Equal(ended.File, await sut.GetAsync(ended.Invocation.Id, CancellationToken.None));
        Assert.Equal(open.Content, await sut.ReadContentAsync(open.Invocation.Id, CancellationToken.None));
        Assert.Equal(0, await sut.DropContentOfEndedAsync(CancellationToken.None));
    }

    private static (InvocationRecord Invocation, InvocationTaskRecord[] Tasks, FileTransferRecord File, byte[] Content)
        FileInvocation(string[] instanceIds)
    {
        var content = RandomNumberGenerator.GetBytes(4096);
        var invocation = TestData.Invocation(instanceIds.Length, TestData.Now) with
        {
            CommandName = "Send app.conf",
            CommandType = CommandTypes.File,
            Content = "File: /etc/app/app.conf",
        };
        var file = new FileTransferRecord
        {
            InvocationId = invocation.Id,
            FileName = "app.conf",
            TargetDirectory = "/etc/app",
            Owner = "app",
            Group = "staff",
            Mode = "0640",
            Overwrite = true,
            SizeBytes = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        };
        return (invocation, instanceIds.Select(id => TestData.Task(invocation, id)).ToArray(), file, content);
    }
}
