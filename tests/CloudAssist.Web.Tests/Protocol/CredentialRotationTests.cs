using System.Net;
using System.Net.Http.Json;
using CloudAssist.Contracts;
using CloudAssist.Web.Instances;
using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.Protocol;

public sealed class CredentialRotationTests(CloudAssistServer server) : IClassFixture<CloudAssistServer>
{
    [Fact]
    public async Task Rotate_OldCredentialWorksUntilTheNewOneIsUsed_ThenIsRefused()
    {
        var old = await RawAgent.RegisterAsync(server, "rotating");
        await RequestRotationAsync(old);
        var fresh = old.WithCredential(await RotateAsync(old));

        var oldBefore = await old.PollRawAsync(freeSlots: 0);
        var freshFirst = await fresh.PollRawAsync(freeSlots: 0);
        var oldAfter = await old.PollRawAsync(freeSlots: 0);

        Assert.Equal(HttpStatusCode.OK, oldBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, freshFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldAfter.StatusCode);
    }

    [Fact]
    public async Task Rotate_AnswerLost_OldCredentialGetsAnotherAndTheLostOneNeverWorks()
    {
        var old = await RawAgent.RegisterAsync(server, "lossy");
        await RequestRotationAsync(old);
        var lost = old.WithCredential(await RotateAsync(old));

        var kept = old.WithCredential(await RotateAsync(old));
        var keptPoll = await kept.PollRawAsync(freeSlots: 0);

        Assert.Equal(HttpStatusCode.OK, keptPoll.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await lost.PollRawAsync(freeSlots: 0)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.PollRawAsync(freeSlots: 0)).StatusCode);
    }

    [Fact]
    public async Task RequestRotation_HeldPoll_AnsweredAtOnceWithTheFlagUntilRotated()
    {
        var agent = await RawAgent.RegisterAsync(server, "asked");
        var held = agent.PollAsync(freeSlots: 0);
        await agent.WaitUntilHeldAsync();

        var accepted = await server.Api.PostAsync($"/api/v1/instances/{agent.InstanceId}/rotate-credential", null);
        var answer = await held.WaitAsync(TimeSpan.FromSeconds(10));
        var pending = await GetInstanceAsync(agent.InstanceId);
        var fresh = agent.WithCredential(await RotateAsync(agent));
        (await fresh.PollRawAsync(freeSlots: 0)).EnsureSuccessStatusCode();
        var done = await GetInstanceAsync(agent.InstanceId);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.True(answer.RotateCredential);
        Assert.NotNull(pending.CredentialRotationRequestedAt);
        Assert.Null(pending.CredentialRotatedAt);
        Assert.Null(done.CredentialRotationRequestedAt);
        Assert.NotNull(done.CredentialRotatedAt);
    }

    [Fact]
    public async Task Rotate_NotRequested_ConflictAndCredentialUnchanged()
    {
        var agent = await RawAgent.RegisterAsync(server, "unasked");

        var response = await agent.RotateRawAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("No credential rotation was requested", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await agent.PollRawAsync(freeSlots: 0)).StatusCode);
        Assert.Null((await GetInstanceAsync(agent.InstanceId)).CredentialRotatedAt);
    }

    [Fact]
    public async Task RequestRotation_DeregisteredInstance_NotFound()
    {
        var agent = await RawAgent.RegisterAsync(server, "gone");
        (await server.Api.DeleteAsync($"/api/v1/instances/{agent.InstanceId}")).EnsureSuccessStatusCode();

        var response = await server.Api.PostAsync($"/api/v1/instances/{agent.InstanceId}/rotate-credential", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.RotateRawAsync()).StatusCode);
    }

    private async Task RequestRotationAsync(RawAgent agent) =>
        (await server.Api.PostAsync($"/api/v1/instances/{agent.InstanceId}/rotate-credential", null))
            .EnsureSuccessStatusCode();

    private async Task<string> RotateAsync(RawAgent agent)
    {
        var response = await agent.RotateRawAsync();
        response.EnsureSuccessStatusCode();
        var identity = (await response.Content.ReadFromJsonAsync<RegisterResponse>(CloudAssistServer.Json))!;
        Assert.Equal(agent.InstanceId, identity.InstanceId);
        Assert.NotEqual(agent.Credential, identity.Credential);
        return identity.Credential;
    }

    private async Task<InstanceView> GetInstanceAsync(string id) =>
        (await server.Api.GetFromJsonAsync<InstanceView>($"/api/v1/instances/{id}", CloudAssistServer.Json))!;
}
