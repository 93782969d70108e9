using System.Security.Cryptography;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Tests.Infrastructure;

namespace CloudAssist.Data.Tests.Instances;

/// <summary>Credential rotation on <see cref="InstanceRepository"/>, and the code's allowed ranges.</summary>
public sealed class InstanceCredentialTests
{
    [Fact]
    public async Task Rotation_RequestReplaceComplete_KeepsPreviousHashUntilCompleted()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (sut, instance) = await RegisterAsync(database);
        var fresh = RandomNumberGenerator.GetBytes(32);

        var requested = await sut.RequestCredentialRotationAsync(instance.Id, TestData.Now, CancellationToken.None);
        var replaced = await sut.ReplaceCredentialAsync(
            instance.Id, instance.CredentialHash, fresh, CancellationToken.None);
        var midway = await sut.GetAsync(instance.Id, CancellationToken.None);
        var completed = await sut.CompleteCredentialRotationAsync(
            instance.Id, TestData.Now.AddMinutes(1), CancellationToken.None);
        var done = await sut.GetAsync(instance.Id, CancellationToken.None);

        Assert.True(requested && replaced && completed);
        Assert.Equal(fresh, midway!.CredentialHash);
        Assert.Equal(instance.CredentialHash, midway.PreviousCredentialHash);
        Assert.Equal(TestData.Now, midway.CredentialRotationRequestedAt);
        Assert.Null(done!.PreviousCredentialHash);
        Assert.Null(done.CredentialRotationRequestedAt);
        Assert.Equal(TestData.Now.AddMinutes(1), done.CredentialRotatedAt);
    }

    [Fact]
    public async Task ReplaceCredentialAsync_UnknownPresentedHashOrDeregistered_ChangesNothing()
    {
        await using var database = await TempDatabase.CreateAsync();
        var (sut, instance) = await RegisterAsync(database);

        var unknown = RandomNumberGenerator.GetBytes(32);
        var stranger = await sut.ReplaceCredentialAsync(
            instance.Id, unknown, RandomNumberGenerator.GetBytes(32), CancellationToken.None);
        await sut.DeregisterAsync(instance.Id, TestData.Now, CancellationToken.None);
        var afterDeregistration = await sut.ReplaceCredentialAsync(
            instance.Id, instance.CredentialHash, RandomNumberGenerator.GetBytes(32), CancellationToken.None);
        var requested = await sut.RequestCredentialRotationAsync(instance.Id, TestData.Now, CancellationToken.None);

        Assert.False(stranger || afterDeregistration || requested);
        var stored = await sut.GetAsync(instance.Id, CancellationToken.None);
        Assert.Equal(instance.CredentialHash, stored!.CredentialHash);
    }

    [Fact]
    public async Task EndOpenTasksAsync_PendingTaskOfTwoInstances_EndsOnlyThisInstancesTask()
    {
        await using var database = await TempDatabase.CreateAsync();
        var ids = await Seed.InstancesAsync(database, 2);
        var (invocation, tasks) = await Seed.InvocationAsync(database, TestData.Now, ids[0], ids[1]);
        var sut = new InstanceRepository(database.Connections);
        var invocations = new InvocationRepository(database.Connections);

        var changes = await sut.EndOpenTasksAsync(
            ids[0], "InstanceOffline", "deregistered", TestData.Now.AddMinutes(1), CancellationToken.None);

        var change = Assert.Single(changes);
        Assert.Equal(
            (tasks[0].Id, invocation.Id, InvocationTaskStatus.Error),
            (change.TaskId, change.InvocationId, change.TaskStatus));
        var ended = await invocations.GetTaskAsync(tasks[0].Id, CancellationToken.None);
        var other = await invocations.GetTaskAsync(tasks[1].Id, CancellationToken.None);
        Assert.Equal("InstanceOffline", ended!.ErrorCode);
        Assert.Equal(InvocationTaskStatus.Pending, other!.Status);
    }

    [Fact]
    public async Task ActivationCode_AllowedRanges_RoundTrip()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new ActivationCodeRepository(database.Connections);
        var code = TestData.ActivationCode() with { AllowedRanges = "10.0.0.0/8, ::1/128" };

        await sut.CreateAsync(code, CancellationToken.None);
        var stored = await sut.GetAsync(code.Id, CancellationToken.None);

        Assert.Equal(code.CodeHash, stored!.CodeHash);
        Assert.Equal(code with { CodeHash = stored.CodeHash }, stored);
    }

    private static async Task<(InstanceRepository Sut, InstanceRecord Instance)> RegisterAsync(
        TempDatabase database)
    {
        var code = TestData.ActivationCode();
        await new ActivationCodeRepository(database.Connections).CreateAsync(code, CancellationToken.None);
        var sut = new InstanceRepository(database.Connections);
        var instance = TestData.Instance(code.Id);
        await sut.RegisterAsync(instance, TestData.Now, CancellationToken.None);
        return (sut, instance);
    }
}
