using CloudAssist.Data.Repositories;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Instances;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Components.Shared;

/// <summary>Chooses instances from the registered ones, by hand or through a filter.</summary>
public sealed partial class InstancePicker
{
    private List<InstanceView>? _instances;
    private string _filter = "";

    [Inject] private InstanceRepository Instances { get; set; } = null!;
    [Inject] private IOptions<AgentApiOptions> AgentApi { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    /// <summary>The chosen instances. Default: none.</summary>
    [Parameter] public HashSet<InstanceView> Selected { get; set; } = [];

    /// <summary>Raised when the choice changes.</summary>
    [Parameter] public EventCallback<HashSet<InstanceView>> SelectedChanged { get; set; }

    /// <summary>The table's data-testid. Default: instance-picker.</summary>
    [Parameter] public string TestId { get; set; } = "instance-picker";

    protected override async Task OnInitializedAsync()
    {
        var now = Time.GetUtcNow();
        _instances = (await Instances.ListAsync(CancellationToken.None))
            .Select(i => InstanceView.From(i, now, AgentApi.Value.OfflineAfterSeconds))
            .ToList();
    }

    private Task SelectionChangedAsync(HashSet<InstanceView> selected)
    {
        Selected = selected;
        return SelectedChanged.InvokeAsync(selected);
    }

    private bool Matches(InstanceView instance) =>
        string.IsNullOrWhiteSpace(_filter)
        || instance.Name.Contains(_filter, StringComparison.OrdinalIgnoreCase)
        || instance.Hostname.Contains(_filter, StringComparison.OrdinalIgnoreCase)
        || instance.Addresses.Any(a => a.Contains(_filter, StringComparison.OrdinalIgnoreCase))
        || instance.Tags.Any(t => t.Contains(_filter, StringComparison.OrdinalIgnoreCase));
}
