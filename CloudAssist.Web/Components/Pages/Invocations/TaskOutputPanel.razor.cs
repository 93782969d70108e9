using CloudAssist.Data.Repositories;
using CloudAssist.Web.Components.Shared;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.Invocations;

/// <summary>A task's stored output, re-read as new chunks are reported.</summary>
public sealed partial class TaskOutputPanel : IDisposable
{
    private ElementReference _panel;
    private string _text = "";
    private IReadOnlyList<OutputSegment> _segments = [];
    private long _totalBytes;
    private long _droppedBytes;
    private IDisposable? _subscription;
    private LiveRefresh? _refresh;

    [Inject] private OutputRepository Output { get; set; } = null!;
    [Inject] private ConsoleNotifier Notifier { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private IJSRuntime Js { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The task's invocation. Required.</summary>
    [Parameter, EditorRequired] public string InvocationId { get; set; } = "";

    /// <summary>The task. Required.</summary>
    [Parameter, EditorRequired] public string TaskId { get; set; } = "";

    /// <summary>Whether the task may still produce output. Default: false.</summary>
    [Parameter] public bool Running { get; set; }

    private string DownloadUrl => $"/api/v1/invocations/{InvocationId}/tasks/{TaskId}/output/download";

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _refresh = new LiveRefresh(() => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), Time, TimeSpan.FromMilliseconds(100));
        _subscription = Notifier.Subscribe(e =>
        {
            if (e is TaskOutputAppended appended && appended.TaskId == TaskId)
            {
                _refresh.Request();
            }
        });
    }

    protected override async Task OnParametersSetAsync()
    {
        // A status change (e.g. finished) may come with the last chunk; read once more.
        if (_subscription is not null)
        {
            await LoadAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            await Js.InvokeVoidAsync("cloudAssist.followOutput", _panel);
        }
        catch (JSDisconnectedException)
        {
            // The browser left; nothing to scroll.
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _refresh?.Dispose();
    }

    private async Task LoadAsync()
    {
        if (await Output.ReadAsync(TaskId, CancellationToken.None) is { } stored)
        {
            var view = TaskOutputView.From(TaskId, stored);
            (_text, _segments, _totalBytes, _droppedBytes) = (view.Text, view.Segments, view.TotalBytes, view.DroppedBytes);
        }
    }

    private async Task CopyAsync()
    {
        await Js.InvokeVoidAsync("cloudAssist.copyText", _text);
        Snackbar.Add("Output copied.", Severity.Info);
    }
}
