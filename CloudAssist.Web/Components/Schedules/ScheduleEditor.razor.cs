using System.Globalization;
using CloudAssist.Data.Records;
using CloudAssist.Web.Schedules;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CloudAssist.Web.Components.Schedules;

/// <summary>
/// Edits a schedule's timing: the kind, its inputs and cron presets, with a validation message
/// that follows every keystroke and the next five runs in the schedule's and the browser's zone.
/// </summary>
public sealed partial class ScheduleEditor
{
    /// <summary>Where the browser's time zone is asked for.</summary>
    public const string ModulePath = "./Components/Schedules/ScheduleEditor.razor.js";

    private const int PreviewCount = 5;

    private static readonly (ScheduleKind Kind, string Label)[] KindLabels =
    [
        (ScheduleKind.Once, "Once, at a date and time"),
        (ScheduleKind.Rate, "At a rate"),
        (ScheduleKind.Cron, "By cron expression"),
        (ScheduleKind.NextReboot, "On the next reboot only"),
        (ScheduleKind.EveryReboot, "On every reboot"),
    ];

    private static readonly (string Label, string Expression)[] Presets =
    [
        ("Every 5 minutes", "*/5 * * * *"),
        ("Hourly", "0 * * * *"),
        ("Daily at 02:00", "0 2 * * *"),
        ("Weekdays at 09:00", "0 9 * * 1-5"),
    ];

    private static readonly Lazy<string[]> ZoneIds = new(() => TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId)
        .Select(z => z.Id)
        .Append("UTC")
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToArray());

    private string? _error;
    private IReadOnlyList<DateTimeOffset> _preview = [];
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private TimeZoneInfo _browserZone = TimeZoneInfo.Utc;

    /// <summary>The timing being edited; changed in place. Required.</summary>
    [Parameter, EditorRequired]
    public ScheduleDraft Value { get; set; } = new();

    /// <summary>Raised after every change to <see cref="Value"/>.</summary>
    [Parameter]
    public EventCallback<ScheduleDraft> ValueChanged { get; set; }

    [Inject]
    private TimeProvider Time { get; set; } = TimeProvider.System;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>True when the timing is valid and can be saved.</summary>
    public bool IsValid => _error is null;

    protected override void OnParametersSet() => Refresh();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _browserZone = await BrowserZoneAsync();
            StateHasChanged();
        }
    }

    private async Task<TimeZoneInfo> BrowserZoneAsync()
    {
        try
        {
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            var id = module is null ? null : await module.InvokeAsync<string?>("browserTimeZone");
            return string.IsNullOrWhiteSpace(id) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException
                                       or TaskCanceledException or TimeZoneNotFoundException)
        {
            // A browser that will not say, or names a zone this server lacks: show UTC instead.
            return TimeZoneInfo.Utc;
        }
    }

    private void Refresh()
    {
        var (rule, errors) = ScheduleRule.Parse(Value.ToSpec());
        _zone = rule?.Zone ?? _zone;
        _preview = rule?.Preview(Time.GetUtcNow(), PreviewCount) ?? [];
        _error = rule is null ? string.Join(" ", errors.Values.SelectMany(m => m)) : null;
        if (rule is { IsRebootDriven: false } && _preview.Count == 0)
        {
            _error = $"{rule.Spec.Expression.Replace('T', ' ')} in {rule.Spec.TimeZone} has passed; choose a later time.";
        }
    }

    private Task SetKindAsync(ScheduleKind kind) => ChangeAsync(() => Value.Kind = kind);

    private Task SetCronAsync(string? cron) => ChangeAsync(() => Value.Cron = cron ?? "");

    private Task SetRunAtAsync(string? runAt) => ChangeAsync(() => Value.RunAt = runAt ?? "");

    private Task SetTimeZoneAsync(string? zone) => ChangeAsync(() => Value.TimeZone = zone?.Trim() ?? "");

    private Task SetEveryAsync(int? every) => ChangeAsync(() => Value.Every = every);

    private Task SetUnitAsync(RateUnit unit) => ChangeAsync(() => Value.Unit = unit);

    private async Task ChangeAsync(Action change)
    {
        change();
        Refresh();
        await ValueChanged.InvokeAsync(Value);
    }

    private static Task<IEnumerable<string>> SearchZonesAsync(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? ZoneIds.Value.AsEnumerable()
            : ZoneIds.Value.Where(id => id.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd yyyy-MM-dd HH:mm:ss 'UTC'zzz", CultureInfo.InvariantCulture);
}
