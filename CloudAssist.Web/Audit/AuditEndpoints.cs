using System.Globalization;
using System.Text;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Hosting;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace CloudAssist.Web.Audit;

/// <summary>Operator API for the audit log: read it in pages, or export it as CSV. Nothing writes.</summary>
public static class AuditEndpoints
{
    /// <summary>Where the CSV export is served, relative to the site.</summary>
    public const string ExportPath = "/api/v1/audit/export.csv";

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder api)
    {
        // Administrators only: the log shows what everyone did.
        var group = api.MapGroup("/audit").WithTags("Audit log").RequireAuthorization(Policies.Administrator);
        group.MapGet("", ListAsync);
        group.MapGet("/export.csv", Export);
        return api;
    }

    /// <summary>The export's address for <paramref name="filter"/>, as the console's button links to it.</summary>
    public static string ExportUrl(AuditFilter filter)
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = filter.From?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["to"] = filter.To?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["actor"] = filter.Actor,
            ["action"] = filter.Action,
            ["q"] = filter.Text,
        };
        return QueryHelpers.AddQueryString(
            ExportPath, query.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        [AsParameters] AuditQuery query,
        AuditRepository entries,
        CancellationToken ct,
        int limit = 50,
        int offset = 0)
    {
        if (!Paging.IsValid(limit, offset, out var problem))
        {
            return problem;
        }

        var (items, total) = await entries.SearchAsync(query.ToFilter(), limit, offset, ct);
        return TypedResults.Ok(new AuditPage(items, total));
    }

    /// <summary>The newest <see cref="AuditCsv.MaxRows"/> matching entries, streamed as they are read.</summary>
    private static PushStreamHttpResult Export(
        [AsParameters] AuditQuery query,
        AuditRepository entries,
        CancellationToken ct) =>
        TypedResults.Stream(
            async body =>
            {
                var filter = query.ToFilter();
                await using var writer = new StreamWriter(body, new UTF8Encoding(false), leaveOpen: true);
                await writer.WriteAsync(AuditCsv.Header.AsMemory(), ct);
                await foreach (var entry in entries.ReadAllAsync(filter, AuditCsv.MaxRows, ct))
                {
                    await writer.WriteAsync(AuditCsv.Row(entry).AsMemory(), ct);
                }
            },
            "text/csv; charset=utf-8",
            "audit-log.csv");
}
