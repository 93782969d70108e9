using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Components.Shared;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Live;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.Invocations;

/// <summary>One execution record: a row per instance, live statuses and output, stop and run again.</summary>
public sealed partial class InvocationPage : IDisposable
{
    [Inject]
    private ConsoleUser ConsoleUser { get; set; } = default!;

    private readonly List<BreadcrumbItem> _crumbs = [new("Execution records", "/invocations")];
    private readonly HashSet<string> _expanded = [];
    private InvocationRecord? _invocation;
    private FileTransferRecord? _file;
    private IReadOnlyList<InvocationTaskRecord> _tasks = [];
    private Dictionary<string, string> _instanceNames = [];
    private bool _loading = true;
    private IDisposable? _subscription;
    private LiveRefresh? _refresh;

    [Inject] private InvocationRepository Invocations { get; set; } = null!;
    [Inject] private InstanceRepository Instances { get; set; } = null!;
    [Inject] private CommandRepository Commands { get; set; } = null!;
    [Inject] private FileTransferRepository Files { get; set; } = null!;
    [Inject] private InvocationService Service { get; set; } = null!;
    [Inject] private ConsoleNotifier Notifier { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>The invocation id from the route.</summary>
    [Parameter] public string Id { get; set; } = "";

    private int FinishedCount => _tasks.Count(t => t.IsFinished);

    protected override async Task OnParametersSetAsync()
    {
        if (_invocation is not null && _invocation.Id != Id)
        {
            _expanded.Clear();
        }

        _instanceNames = (await Instances.ListAsync(CancellationToken.None)).ToDictionary(i => i.Id, i => i.Name);
        await LoadAsync();
        _file = _invocation?.CommandType == CommandTypes.File ? await Files.GetAsync(Id, CancellationToken.None) : null;
        _loading = false;
        if (_invocation is not null)
        {
            _crumbs.RemoveRange(1, _crumbs.Count - 1);
            _crumbs.Add(new BreadcrumbItem(_invocation.Id, null, disabled: true));
        }

        _refresh ??= new LiveRefresh(() => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), Time);
        _subscription ??= Notifier.Subscribe(e =>
        {
            if (e is TaskStatusChanged changed && changed.Change.InvocationId == Id)
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

    private async Task LoadAsync()
    {
        _invocation = await Invocations.GetAsync(Id, CancellationToken.None);
        _tasks = _invocation is null ? [] : await Invocations.ListTasksAsync(Id, CancellationToken.None);
    }

    private string NameOf(string instanceId) => _instanceNames.TryGetValue(instanceId, out var name) ? name : instanceId;

    private void Toggle(string taskId)
    {
        if (!_expanded.Remove(taskId))
        {
            _expanded.Add(taskId);
        }
    }

    private async Task StopAllAsync()
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Operator))
        {
            return;
        }

        await Service.StopAsync(Id, null, await ConsoleUser.ActorAsync(), CancellationToken.None);
        await LoadAsync();
    }

    private async Task StopTaskAsync(string taskId)
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Operator))
        {
            return;
        }

        await Service.StopAsync(Id, taskId, await ConsoleUser.ActorAsync(), CancellationToken.None);
        await LoadAsync();
    }

    private async Task RunAgainAsync()
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Operator))
        {
            return;
        }

        var targets = _tasks.Select(t => t.InstanceId).ToList();
        var command = _invocation!.CommandId is null ? null : await Commands.GetAsync(_invocation.CommandId, CancellationToken.None);
        await InvokeDialog.ShowAsync(
            Dialogs, Navigation, command, targets, command is null ? _invocation.Content : null, _invocation.CommandType);
    }
}
