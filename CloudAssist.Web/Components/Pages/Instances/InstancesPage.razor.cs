using CloudAssist.Data.Repositories;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Instances;
using CloudAssist.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Components.Pages.Instances;

/// <summary>The fleet: who is online, filtered by status and tag, refreshed live.</summary>
public sealed partial class InstancesPage : IDisposable
{
    private List<InstanceView>? _instances;
    private string _search = "";
    private string _status = "All";
    private string? _tag;
    private IDisposable? _subscription;
    private ITimer? _clock;

    [Inject] private InstanceRepository Instances { get; set; } = null!;
    [Inject] private ConsoleNotifier Notifier { get; set; } = null!;
    [Inject] private IOptions<AgentApiOptions> AgentApi { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    private IEnumerable<InstanceView> Visible => (_instances ?? []).Where(i =>
        (_status == "All" || (_status == "Online") == i.Online)
        && (_tag is null || i.Tags.Contains(_tag))
        && (string.IsNullOrWhiteSpace(_search)
            || i.Name.Contains(_search, StringComparison.OrdinalIgnoreCase)
            || i.Hostname.Contains(_search, StringComparison.OrdinalIgnoreCase)
            || i.Addresses.Any(a => a.Contains(_search, StringComparison.OrdinalIgnoreCase))));

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _subscription = Notifier.Subscribe(e =>
        {
            if (e is InstanceChanged)
            {
                _ = InvokeAsync(async () =>
                {
                    await LoadAsync();
                    StateHasChanged();
                });
            }
        });

        // "Last seen" and online/offline follow the clock even when nothing is published.
        _clock = Time.CreateTimer(_ => _ = InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _clock?.Dispose();
    }

    private async Task LoadAsync()
    {
        var now = Time.GetUtcNow();
        _instances = (await Instances.ListAsync(CancellationToken.None))
            .Select(i => InstanceView.From(i, now, AgentApi.Value.OfflineAfterSeconds))
            .ToList();
    }
}
