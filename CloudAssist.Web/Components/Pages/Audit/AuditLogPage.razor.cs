using System.Text.Json;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Audit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.Audit;

/// <summary>
/// The audit log, filtered and paged on the server; a row opens to its details, and the export
/// downloads the rows of the current filter as CSV.
/// </summary>
public sealed partial class AuditLogPage
{
    private static readonly (string Prefix, string Label)[] ActionKinds =
    [
        ("command.", "Commands"),
        ("invocation.", "Runs and stops"),
        ("file.", "File sends"),
        ("schedule.", "Schedules"),
        ("instance.", "Instances"),
        ("activation_code.", "Activation codes"),
    ];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly HashSet<long> _expanded = [];
    private MudTable<AuditEntry>? _table;
    private DateTime? _from;
    private DateTime? _to;
    private string? _actor;
    private string? _action;
    private string? _text;

    [Inject] private AuditRepository Entries { get; set; } = null!;

    private AuditFilter Filter => new(
        _from is { } from ? new DateTimeOffset(from.Date, TimeSpan.Zero) : null,
        _to is { } to ? new DateTimeOffset(to.Date.AddDays(1), TimeSpan.Zero) : null,
        _actor,
        _action,
        Text: _text);

    private string ExportUrl => AuditEndpoints.ExportUrl(Filter);

    private async Task<TableData<AuditEntry>> LoadPageAsync(TableState state, CancellationToken ct)
    {
        var (items, total) = await Entries.SearchAsync(Filter, state.PageSize, state.Page * state.PageSize, ct);
        return new TableData<AuditEntry> { Items = items, TotalItems = total };
    }

    private void Toggle(AuditEntry? entry)
    {
        if (entry is not null && !_expanded.Remove(entry.Id))
        {
            _expanded.Add(entry.Id);
        }
    }

    private static string DetailsOf(AuditEntry entry)
    {
        if (entry.DetailsJson is null)
        {
            return "No details.";
        }

        using var document = JsonDocument.Parse(entry.DetailsJson);
        return JsonSerializer.Serialize(document.RootElement, Indented);
    }

    private Task FromChangedAsync(DateTime? from) => ReloadAsync(() => _from = from);

    private Task ToChangedAsync(DateTime? to) => ReloadAsync(() => _to = to);

    private Task ActorChangedAsync(string? actor) => ReloadAsync(() => _actor = actor);

    private Task ActionChangedAsync(string? action) => ReloadAsync(() => _action = action);

    private Task TextChangedAsync(string? text) => ReloadAsync(() => _text = text);

    private Task ReloadAsync(Action change)
    {
        change();
        _expanded.Clear();
        return _table?.ReloadServerData() ?? Task.CompletedTask;
    }
}
