using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Components.Shared;
using CloudAssist.Web.Instances;
using CloudAssist.Web.Live;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.Instances;


/// <summary>One instance: its facts, its tags, its credential rotation, and its recent tasks, refreshed live.</summary>
public sealed partial class InstanceDetailsPage : IDisposable
{
    [Inject]
    private ConsoleUser ConsoleUser { get; set; } = default!;

    private readonly List<BreadcrumbItem> _crumbs = [new("Instances", "/instances")];
    private InstanceView? _instance;
    private IReadOnlyList<InstanceTaskSummary> _tasks = [];
    private string _tagsText = "";
    private string? _tagsError;
    private bool _loading = true;
    private IDisposable? _subscription;

    [Inject] private InstanceRepository Instances { get; set; } = null!;
    [Inject] private InstanceService Service { get; set; } = null!;
    [Inject] private ExecutionRecordQueries Records { get; set; } = null!;
    [Inject] private ConsoleNotifier Notifier { get; set; } = null!;
    [Inject] private IOptions<AgentApiOptions> AgentApi { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;

    /// <summary>The instance id from the route.</summary>
    [Parameter] public string Id { get; set; } = "";

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _tagsText = string.Join(", ", _instance?.Tags ?? []);
        _loading = false;
        _subscription ??= Notifier.Subscribe(OnEvent);
    }

    public void Dispose() => _subscription?.Dispose();

    private void OnEvent(ConsoleEvent e)
    {
        var mine = e switch
        {
            InstanceChanged changed => changed.InstanceId == Id,
            TaskStatusChanged task => task.Change.InstanceId == Id,
            _ => false,
        };
        if (mine)
        {
            _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    private async Task LoadAsync()
    {
        var record = await Instances.GetAsync(Id, CancellationToken.None);
        _instance = record is null || record.DeregisteredAt is not null
            ? null
            : InstanceView.From(record, Time.GetUtcNow(), AgentApi.Value.OfflineAfterSeconds);
        _tasks = _instance is null ? [] : await Records.RecentTasksAsync(Id, 50, CancellationToken.None);
        if (_instance is not null)
        {
            _crumbs.RemoveRange(1, _crumbs.Count - 1);
            _crumbs.Add(new BreadcrumbItem(_instance.Name, null, disabled: true));
        }
    }

    private async Task SaveTagsAsync()
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Operator))
        {
            return;
        }

        var tags = _tagsText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        _tagsError = InstanceTags.Validate(tags);
        if (_tagsError is not null)
        {
            return;
        }

        if (!await Service.SetTagsAsync(Id, tags, await ConsoleUser.ActorAsync(), CancellationToken.None))
        {
            _tagsError = "The instance was deregistered; its tags can no longer change.";
            return;
        }

        Snackbar.Add("Tags saved.", Severity.Success);
    }

    private static string RotationText(InstanceView instance)
    {
        var last = instance.CredentialRotatedAt is { } at ? TimeText.Utc(at) : "never";
        return instance.CredentialRotationRequestedAt is null
            ? last
            : $"{last} (a rotation waits for the agent's next poll)";
    }

    private async Task RotateCredentialAsync()
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Administrator))
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Rotate credential",
            $"Give {_instance?.Name} a new credential? The agent fetches it at its next poll; the old one keeps "
            + "working until the agent first uses the new one.",
            yesText: "Rotate",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var asked = await Service.RequestRotationAsync(Id, await ConsoleUser.ActorAsync(), CancellationToken.None);
        Snackbar.Add(
            asked ? "Rotation requested; the agent picks it up at its next poll." : "The instance was deregistered.",
            asked ? Severity.Success : Severity.Warning);
    }
}
