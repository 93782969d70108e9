using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CloudAssist.Contracts;

namespace CloudAssist.Agent.Transport;

/// <summary>The agent side of the agent protocol: one method per call, no retries of its own.</summary>
public sealed class AgentApiClient(HttpClient http)
{
    private volatile string? _credential;

    /// <summary>The credential sent with every call after registration.</summary>
    public void UseCredential(string credential) => _credential = credential;

    public Task<RegisterResponse> RegisterAsync(RegisterRequest request, CancellationToken ct) =>
        SendAsync(AgentRoutes.Register, request, AgentJsonContext.Default.RegisterResponse, ct);

    public Task<PollResponse> PollAsync(PollRequest request, CancellationToken ct) =>
        SendAsync(AgentRoutes.Poll, request, AgentJsonContext.Default.PollResponse, ct);

    /// <summary>Asks for a new credential; the instance id stays.</summary>
    public Task<RegisterResponse> RotateCredentialAsync(CancellationToken ct) =>
        SendAsync(AgentRoutes.Credential, new CredentialRequest(), AgentJsonContext.Default.RegisterResponse, ct);

    public Task<TaskStartedResponse> ReportStartedAsync(string taskId, TaskStartedReport report, CancellationToken ct) =>
        SendAsync(AgentRoutes.Started(taskId), report, AgentJsonContext.Default.TaskStartedResponse, ct);

    /// <summary>Sends a chunk; answers the offset the server holds up to, also when it refused a gap.</summary>
    public async Task<long> ReportOutputAsync(string taskId, OutputChunkReport report, CancellationToken ct)
    {
        using var response = await PostAsync(AgentRoutes.Output(taskId), report, ct);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return await ReadNextOffsetAsync(response, ct);
        }

        await EnsureSuccessAsync(response, ct);
        var body = await response.Content.ReadFromJsonAsync(AgentJsonContext.Default.OutputChunkResponse, ct);
        return body!.NextOffset;
    }

    /// <summary>Sends the outcome; answers null when accepted, or the offset to resend output from.</summary>
    public async Task<long?> ReportFinishedAsync(string taskId, TaskFinishedReport report, CancellationToken ct)
    {
        using var response = await PostAsync(AgentRoutes.Finished(taskId), report, ct);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return await ReadNextOffsetAsync(response, ct);
        }

        await EnsureSuccessAsync(response, ct);
        return null;
    }

    private async Task<T> SendAsync<T>(string path, object body, JsonTypeInfo<T> answer, CancellationToken ct)
    {
        using var response = await PostAsync(path, body, ct);
        await EnsureSuccessAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync(answer, ct))!;
    }

    private async Task<HttpResponseMessage> PostAsync(string path, object body, CancellationToken ct)
    {
        var credential = _credential;
        var response = await SendOnceAsync(path, body, credential, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized && credential is not null && _credential != credential)
        {
            // Sent with the credential a rotation replaced while the call was on its way: once more
            // with the new one, so a report is not lost to the switch.
            response.Dispose();
            response = await SendOnceAsync(path, body, _credential, ct);
        }

        return response;
    }

    private Task<HttpResponseMessage> SendOnceAsync(string path, object body, string? credential, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(body, AgentJsonContext.Default.GetTypeInfo(body.GetType())
                ?? throw new InvalidOperationException($"{body.GetType().Name} is not in AgentJsonContext.")),
        };
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        return http.SendAsync(request, ct);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await ReadProblemAsync(response, ct);
        throw new AgentApiException(response.StatusCode, $"{(int)response.StatusCode} {response.ReasonPhrase}: {detail}");
    }

    private static async Task<long> ReadNextOffsetAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return document.RootElement.GetProperty("nextOffset").GetInt64();
    }

    private static async Task<string> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return document.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "(no details)";
        }
    }
}
