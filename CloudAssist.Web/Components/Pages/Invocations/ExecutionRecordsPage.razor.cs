using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Components.Pages.Files;
using CloudAssist.Web.Components.Shared;
using CloudAssist.Web.Live;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.Invocations;

/// <summary>Invocations, filtered and paged on the server, refreshed live.</summary>
public sealed partial class ExecutionRecordsPage : IDisposable
{
    private MudTable<InvocationSummary>? _table;
    private InvocationStatus? _status;
    private string _command = "";
    private string _period = "all";
    private IDisposable? _subscription;
    private LiveRefresh? _refresh;

    [Inject] private ExecutionRecordQueries Records { get; set; } = null!;
    [Inject] private ConsoleNotifier Notifier { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    protected override void OnInitialized()
    {
        _refresh = new LiveRefresh(() => InvokeAsync(() => _table?.ReloadServerData() ?? Task.CompletedTask), Time);
        _subscription = Notifier.Subscribe(e =>
        {
            if (e is InvocationCreated or TaskStatusChanged)
            {
                _refresh.Request();
            }
        });
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _refresh?.Dispose();
    }

    private async Task<TableData<InvocationSummary>> LoadPageAsync(TableState state, CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        DateTimeOffset? from = _period switch
        {
            "1h" => now.AddHours(-1),
            "24h" => now.AddDays(-1),
            "7d" => now.AddDays(-7),
            _ => null,
        };
        var (items, total) = await Records.SearchAsync(
            new InvocationFilter(_status, _command, from), state.PageSize, state.Page * state.PageSize, ct);
        return new TableData<InvocationSummary> { Items = items, TotalItems = total };
    }

    private Task StatusChangedAsync(InvocationStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private Task CommandChangedAsync(string command)
    {
        _command = command;
        return ReloadAsync();
    }

    private Task PeriodChangedAsync(string period)
    {
        _period = period;
        return ReloadAsync();
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task RunAsync() => InvokeDialog.ShowAsync(Dialogs, Navigation, null);

    private Task SendFileAsync() => SendFileDialog.ShowAsync(Dialogs, Navigation);
}
