using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CloudAssist.Contracts;

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
        var response = await PostAsync(AgentRoutes.Poll, new PollRequest("boot-1", freeSlots, [], "test", ["shell"]));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PollResponse>(CloudAssistServer.Json))!;
    }
}
