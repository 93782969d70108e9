using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Components.Shared;
using CloudAssist.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Components.Pages;

/// <summary>The fleet and the last day at a glance, refreshed live.</summary>
public sealed partial class OverviewPage : IDisposable
{
    private IReadOnlyList<StatusCount>? _counts;
    private List<InvocationSummary> _failures = [];
    private int _online;
    private int _offline;
    private IDisposable? _subscription;
    private LiveRefresh? _refresh;
    private ITimer? _clock;

    [Inject] private InstanceRepository Instances { get; set; } = null!;
    [Inject] private ExecutionRecordQueries Records { get; set; } = null!;
    [Inject] private ConsoleNotifier Notifier { get; set; } = null!;
    [Inject] private IOptions<AgentApiOptions> AgentApi { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _refresh = new LiveRefresh(() => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), Time);
        _subscription = Notifier.Subscribe(e =>
        {
            if (e is not TaskOutputAppended)
            {
                _refresh.Request();
            }
        });
        _clock = Time.CreateTimer(_ => _refresh.Request(), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _refresh?.Dispose();
        _clock?.Dispose();
    }

    private async Task LoadAsync()
    {
        var now = Time.GetUtcNow();
        var instances = await Instances.ListAsync(CancellationToken.None);
        _online = instances.Count(i => (now - i.LastSeenAt).TotalSeconds <= AgentApi.Value.OfflineAfterSeconds);
        _offline = instances.Count - _online;
        _counts = await Records.CountByStatusAsync(now.AddDays(-1), CancellationToken.None);
        var failed = await Records.SearchAsync(new InvocationFilter(InvocationStatus.Failed), 5, 0, CancellationToken.None);
        var partial = await Records.SearchAsync(new InvocationFilter(InvocationStatus.PartialFailed), 5, 0, CancellationToken.None);
        _failures = failed.Items.Concat(partial.Items).OrderByDescending(i => i.CreatedAt).Take(5).ToList();
    }
}
