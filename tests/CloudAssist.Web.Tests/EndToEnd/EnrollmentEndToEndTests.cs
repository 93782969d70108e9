using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudAssist.Data.Records;
using CloudAssist.Web.Instances;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.EndToEnd;

/// <summary>Credential rotation and deregistration as a real agent process lives through them.</summary>
public sealed class EnrollmentEndToEndTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly CloudAssistServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task RotateCredential_RealAgent_StoresTheNewOneAndKeepsRunningTasks()
    {
        await using var agent = await AgentProcess.StartAsync(_server, "rotor");
        var before = await RunAsync(agent, "echo before");
        var oldCredential = StoredCredential(agent);

        (await _server.Api.PostAsync($"/api/v1/instances/{agent.InstanceId}/rotate-credential", null))
            .EnsureSuccessStatusCode();
        var rotated = await Eventually.HoldsAsync(
            () => GetInstanceAsync(agent.InstanceId), i => i.CredentialRotatedAt is not null, Deadline, "the rotation");
        var after = await RunAsync(agent, "echo after");
        var stale = await new RawAgent(_server, agent.InstanceId, oldCredential).PollRawAsync(freeSlots: 0);

        Assert.Equal(InvocationTaskStatus.Success, before.Tasks[0].Status);
        Assert.Equal(InvocationTaskStatus.Success, after.Tasks[0].Status);
        Assert.Null(rotated.CredentialRotationRequestedAt);
        Assert.NotEqual(oldCredential, StoredCredential(agent));
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.DoesNotContain(StoredCredential(agent), agent.Log);
        Assert.DoesNotContain(oldCredential, agent.Log);
    }

    [Fact]
    public async Task Deregister_RealAgent_GetsNoWorkAndLogsTheReasonOnce()
    {
        await using var agent = await AgentProcess.StartAsync(
            _server, "leaver", "--Agent:RefusedRetrySeconds=1", "--Logging:LogLevel:CloudAssist.Agent=Debug");
        await RunAsync(agent, "true");

        (await _server.Api.DeleteAsync($"/api/v1/instances/{agent.InstanceId}")).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(() => Task.FromResult(agent.Log), log => Count(log, "still refused") >= 2, Deadline,
            "the agent to be refused twice more");
        var invoke = await _server.Api.PostAsJsonAsync(
            "/api/v1/invocations",
            new CreateInvocationRequest { Content = "echo late", InstanceIds = [agent.InstanceId] },
            CloudAssistServer.Json);

        Assert.Equal(1, Count(agent.Log, "This instance was deregistered"));
        Assert.Equal(HttpStatusCode.BadRequest, invoke.StatusCode);
    }

    private async Task<InvocationDetails> RunAsync(AgentProcess agent, string script)
    {
        var invocation = await _server.InvokeAsync(script, [agent.InstanceId]);
        return await _server.WaitForFinalAsync(invocation.Id, Deadline);
    }

    private async Task<InstanceView> GetInstanceAsync(string id) =>
        (await _server.Api.GetFromJsonAsync<InstanceView>($"/api/v1/instances/{id}", CloudAssistServer.Json))!;

    private static string StoredCredential(AgentProcess agent)
    {
        using var identity = JsonDocument.Parse(File.ReadAllText(Path.Combine(agent.StateDirectory, "identity.json")));
        return identity.RootElement.GetProperty("credential").GetString()!;
    }

    private static int Count(string text, string what) =>
        (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
