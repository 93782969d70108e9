using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Tests.Infrastructure;

namespace CloudAssist.Data.Tests.Instances;

/// <summary><see cref="InstanceRepository.RegisterAsync"/> and the activation code use it counts.</summary>
public sealed class InstanceRegistrationTests
{
    [Fact]
    public async Task RegisterAsync_UsableCode_StoresInstanceAndConsumesOneUse()
    {
        await using var database = await TempDatabase.CreateAsync();
        var codes = new ActivationCodeRepository(database.Connections);
        var code = TestData.ActivationCode(usageLimit: 3, usageCount: 1);
        await codes.CreateAsync(code, CancellationToken.None);
        var sut = new InstanceRepository(database.Connections);
        var instance = TestData.Instance(code.Id);

        var registered = await sut.RegisterAsync(instance, TestData.Now, CancellationToken.None);

        Assert.True(registered);
        var stored = await sut.GetAsync(instance.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(instance.CredentialHash, stored.CredentialHash);
        Assert.Equal(instance with { CredentialHash = stored.CredentialHash }, stored);
        Assert.Equal(2, (await codes.GetAsync(code.Id, CancellationToken.None))!.UsageCount);
    }

    [Theory]
    [InlineData("used up")]
    [InlineData("expired")]
    [InlineData("revoked")]
    public async Task RegisterAsync_UnusableCode_ReturnsFalseAndStoresNothing(string reason)
    {
        await using var database = await TempDatabase.CreateAsync();
        var codes = new ActivationCodeRepository(database.Connections);
        var code = reason switch
        {
            "used up" => TestData.ActivationCode(usageLimit: 2, usageCount: 2),
            "expired" => TestData.ActivationCode(expiresAt: TestData.Now.AddMinutes(-1)),
            _ => TestData.ActivationCode(),
        };
        await codes.CreateAsync(code, CancellationToken.None);
        if (reason == "revoked")
        {
            await codes.RevokeAsync(code.Id, TestData.Now.AddHours(-1), CancellationToken.None);
        }

        var sut = new InstanceRepository(database.Connections);
        var instance = TestData.Instance(code.Id);

        var registered = await sut.RegisterAsync(instance, TestData.Now, CancellationToken.None);

        Assert.False(registered);
        Assert.Null(await sut.GetAsync(instance.Id, CancellationToken.None));
        Assert.Equal(code.UsageCount, (await codes.GetAsync(code.Id, CancellationToken.None))!.UsageCount);
    }

    [Fact]
    public async Task RegisterAsync_LastUseTaken_RefusesTheNextInstance()
    {
        await using var database = await TempDatabase.CreateAsync();
        var codes = new ActivationCodeRepository(database.Connections);
        var code = TestData.ActivationCode(usageLimit: 1);
        await codes.CreateAsync(code, CancellationToken.None);
        var sut = new InstanceRepository(database.Connections);
        await sut.RegisterAsync(TestData.Instance(code.Id, "web-1"), TestData.Now, CancellationToken.None);
        var second = TestData.Instance(code.Id, "web-2");

        var registered = await sut.RegisterAsync(second, TestData.Now, CancellationToken.None);

        Assert.False(registered);
        Assert.Null(await sut.GetAsync(second.Id, CancellationToken.None));
        Assert.Equal(1, (await codes.GetAsync(code.Id, CancellationToken.None))!.UsageCount);
    }

    [Fact]
    public async Task FindByHashAsync_StoredCode_ReturnsIt()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new ActivationCodeRepository(database.Connections);
        var code = TestData.ActivationCode();
        await sut.CreateAsync(code, CancellationToken.None);

        var found = await sut.FindByHashAsync(code.CodeHash.ToArray(), CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(code.Id, found.Id);
        Assert.Equal(code.CodeHash, found.CodeHash);
        Assert.Equal(code.ExpiresAt, found.ExpiresAt);
        Assert.Null(found.RevokedAt);
    }

    [Fact]
    public async Task RevokeAsync_RevokedCode_ReturnsFalseAndKeepsFirstTime()
    {
        await using var database = await TempDatabase.CreateAsync();
        var sut = new ActivationCodeRepository(database.Connections);
        var code = TestData.ActivationCode();
        await sut.CreateAsync(code, CancellationToken.None);
        await sut.RevokeAsync(code.Id, TestData.Now, CancellationToken.None);

        var revoked = await sut.RevokeAsync(code.Id, TestData.Now.AddHours(1), CancellationToken.None);

        Assert.False(revoked);
        Assert.Equal(TestData.Now, (await sut.GetAsync(code.Id, CancellationToken.None))!.RevokedAt);
    }
}
