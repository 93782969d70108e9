using System.Net.Http.Json;
using CloudAssist.Data.Records;
using CloudAssist.Web.Invocations;

namespace CloudAssist.Web.Tests.Infrastructure;

/// <summary>Operator API calls the tests share.</summary>
public static class OperatorApi
{
    public static async Task<InvocationRecord> InvokeAsync(
        this CloudAssistServer server,
        string content,
        IReadOnlyList<string> instanceIds,
        int? timeoutSeconds = null)
    {
        var response = await server.Api.PostAsJsonAsync(
            "/api/v1/invocations", new CreateInvocationRequest { Content = content, InstanceIds = instanceIds, TimeoutSeconds = timeoutSeconds }, CloudAssistServer.Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InvocationRecord>(CloudAssistServer.Json))!;
    }

    public static async Task<InvocationRecord> InvokeAsync(this CloudAssistServer server, CreateInvocationRequest request)
    {
        var response = await server.Api.PostAsJsonAsync("/api/v1/invocations", request, CloudAssistServer.Json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Invocation refused: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<InvocationRecord>(body, CloudAssistServer.Json)!;
    }

    public static async Task<InvocationDetails> GetInvocationAsync(this CloudAssistServer server, string id) =>
        (await server.Api.GetFromJsonAsync<InvocationDetails>($"/api/v1/invocations/{id}", CloudAssistServer.Json))!;

    public static async Task<TaskOutputView> GetOutputAsync(this CloudAssistServer server, string invocationId, string taskId) =>
        (await server.Api.GetFromJsonAsync<TaskOutputView>(
            $"/api/v1/invocations/{invocationId}/tasks/{taskId}/output", CloudAssistServer.Json))!;

    /// <summary>Waits until the invocation reaches a final status.</summary>
    public static Task<InvocationDetails> WaitForFinalAsync(this CloudAssistServer server, string id, TimeSpan timeout) =>
        Eventually.HoldsAsync(
            () => server.GetInvocationAsync(id),
            d => InvocationStatusRules.IsFinal(d.Invocation.Status),
            timeout,
            $"invocation {id} to finish");
}
