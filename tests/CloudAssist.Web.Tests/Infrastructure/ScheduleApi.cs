using System.Net.Http.Json;
using CloudAssist.Data.Records;
using CloudAssist.Web.Schedules;

namespace CloudAssist.Web.Tests.Infrastructure;

/// <summary>Operator API calls for schedules that the tests share.</summary>
public static class ScheduleApi
{
    public static async Task<ScheduleView> CreateScheduleAsync(this CloudAssistServer server, SaveScheduleRequest request)
    {
        var response = await server.Api.PostAsJsonAsync("/api/v1/schedules", request, CloudAssistServer.Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ScheduleView>(CloudAssistServer.Json))!;
    }

    public static async Task<ScheduleView> GetScheduleAsync(this CloudAssistServer server, string id) =>
        (await server.Api.GetFromJsonAsync<ScheduleView>($"/api/v1/schedules/{id}", CloudAssistServer.Json))!;

    public static async Task<List<ScheduleRunRecord>> GetRunsAsync(this CloudAssistServer server, string id) =>
        (await server.Api.GetFromJsonAsync<List<ScheduleRunRecord>>($"/api/v1/schedules/{id}/runs?limit=500", CloudAssistServer.Json))!;

    public static async Task PauseScheduleAsync(this CloudAssistServer server, string id) =>
        (await server.Api.PostAsync($"/api/v1/schedules/{id}/pause", null)).EnsureSuccessStatusCode();

    /// <summary>The invocations a schedule created, oldest first.</summary>
    public static async Task<List<InvocationRecord>> GetScheduledInvocationsAsync(this CloudAssistServer server, string id)
    {
        var all = await server.Api.GetFromJsonAsync<List<InvocationRecord>>("/api/v1/invocations?limit=500", CloudAssistServer.Json);
        return all!.Where(i => i.ScheduleId == id).OrderBy(i => i.CreatedAt).ToList();
    }
}
