using System.Net.Http.Json;
using System.Text.Json;
using CloudAssist.Data.Records;
using CloudAssist.Web.Audit;

namespace CloudAssist.Web.Tests.Infrastructure;

/// <summary>Operator API calls for reading the audit log.</summary>
public static class AuditApi
{
    /// <summary>The entries about one target, newest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(
        this CloudAssistServer server,
        string targetKind,
        string targetId)
    {
        var page = await server.Api.GetFromJsonAsync<AuditPage>(
            $"/api/v1/audit?targetKind={targetKind}&targetId={Uri.EscapeDataString(targetId)}&limit=500",
            CloudAssistServer.Json);
        return page!.Items;
    }

    /// <summary>The one entry about a target, with its details parsed.</summary>
    public static async Task<(AuditEntry Entry, JsonElement Details)> SingleAuditOfAsync(
        this CloudAssistServer server,
        string targetKind,
        string targetId)
    {
        var entry = Assert.Single(await server.AuditOfAsync(targetKind, targetId));
        return (entry, Details(entry));
    }

    /// <summary>An entry's details as JSON.</summary>
    public static JsonElement Details(AuditEntry entry) =>
        JsonDocument.Parse(entry.DetailsJson ?? "null").RootElement.Clone();

    /// <summary>The whole log as the API lists it, as text, to search for what must never be there.</summary>
    public static async Task<string> WholeLogTextAsync(this CloudAssistServer server) =>
        await server.Api.GetStringAsync("/api/v1/audit?limit=500")
        + await server.Api.GetStringAsync("/api/v1/audit/export.csv");
}
