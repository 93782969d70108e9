using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CloudAssist.Contracts;
using CloudAssist.Web.Agents;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Web.Tests.Infrastructure;

/// <summary>A hand-driven agent speaking the protocol over HTTP, for protocol tests.</summary>
public sealed class RawAgent(CloudAssistServer server, string instanceId, string credential)
{
    public string InstanceId { get; } = instanceId;

    public string Credential { get; } = credential;

    public static async Task<RawAgent> RegisterAsync(CloudAssistServer server, string name = "raw")
    {
        var code = await server.CreateActivationCodeAsync(1);
        var response = await server.Api.PostAsJsonAsync(AgentRoutes.Register, Registration(code, name), CloudAssistServer.Json);
        response.EnsureSuccessStatusCode();
        var identity = (await response.Content.ReadFromJsonAsync<RegisterResponse>(CloudAssistServer.Json))!;
        return new RawAgent(server, identity.InstanceId, identity.Credential);
    }

    public static RegisterRequest Registration(string code, string name = "raw") =>
        new(code, name + "-host", name, "Test OS", ["127.0.0.1"], "test");

    public Task<HttpResponseMessage> PostAsync(string path, object body) => PostRawAsync(path, JsonSerializer.Serialize(body, CloudAssistServer.Json));

    /// <param name="expectContinue">
    /// Send the body only after the server agrees (Expect: 100-continue), so a refusal of its size is
    /// read as an answer rather than racing the closed connection.
    /// </param>
    public async Task<HttpResponseMessage> PostRawAsync(string path, string json, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Credential);
        request.Headers.ExpectContinue = expectContinue;
        return await server.Api.SendAsync(request);
    }

    public async Task<PollResponse> PollAsync(int freeSlots = 4)
    {
        var response = await PollRawAsync(freeSlots);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PollResponse>(CloudAssistServer.Json))!;
    }

    /// <summary>A poll whose answer the test reads itself, refusals included.</summary>
    public Task<HttpResponseMessage> PollRawAsync(int freeSlots = 4) =>
        PostAsync(AgentRoutes.Poll, new PollRequest("boot-1", freeSlots, [], "test", ["shell"]));

    /// <summary>Waits until a poll of this instance is held on the server, armed for a signal.</summary>
    public Task WaitUntilHeldAsync()
    {
        var signals = server.Services.GetRequiredService<InstanceSignals>();
        return Eventually.HoldsAsync(
            () => Task.FromResult(signals.IsArmed(InstanceId)),
            armed => armed,
            TimeSpan.FromSeconds(10),
            "the poll to be held");
    }

    /// <summary>The same instance presenting another credential (a rotated or a stale one).</summary>
    public RawAgent WithCredential(string credential) => new(server, InstanceId, credential);

    /// <summary>Asks for a new credential with this one; the answer is read by the test.</summary>
    public Task<HttpResponseMessage> RotateRawAsync() => PostAsync(AgentRoutes.Credential, new { });
}
