using CloudAssist.Data.Records;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Components.Pages.Files;
using CloudAssist.Web.Components.Pages.Invocations;
using CloudAssist.Web.Live;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.Commands;

public sealed partial class CommandsPage
{
    [Inject]
    private ConsoleUser ConsoleUser { get; set; } = default!;

    private IReadOnlyList<CommandRecord>? _commands;
    private string _search = "";
    private IDisposable? _subscription;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _subscription = Notifier.Subscribe(e =>
        {
            if (e is CommandsChanged)
            {
                _ = InvokeAsync(async () =>
                {
                    await LoadAsync();
                    StateHasChanged();
                });
            }
        });
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task LoadAsync() => _commands = await Commands.ListAsync(null, 500, 0, CancellationToken.None);

    private bool Matches(CommandRecord command) =>
        string.IsNullOrWhiteSpace(_search)
        || command.Name.Contains(_search, StringComparison.OrdinalIgnoreCase)
        || command.Description.Contains(_search, StringComparison.OrdinalIgnoreCase);

    private Task CreateAsync() => ShowEditorAsync("Create command", null, clone: false);

    private Task EditAsync(CommandRecord command, bool clone) =>
        ShowEditorAsync(clone ? $"Clone {command.Name}" : $"Edit {command.Name}", command, clone);

    private async Task ShowEditorAsync(string title, CommandRecord? source, bool clone)
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Operator))
        {
            return;
        }

        var parameters = new DialogParameters<CommandDialog>
        {
            { d => d.Source, source },
            { d => d.IsClone, clone },
        };
        var dialog = await Dialogs.ShowAsync<CommandDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: CommandRecord saved })
        {
            Snackbar.Add($"Saved {saved.Name}.", Severity.Success);
            Notifier.Publish(new CommandsChanged());
        }
    }

    private async Task DeleteAsync(CommandRecord command)
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Operator))
        {
            return;
        }

        var schedules = (await Schedules.ListAsync(10_000, 0, CancellationToken.None)).Count(s => s.CommandId == command.Id);
        var scheduleNote = schedules == 0
            ? "It has no schedules."
            : $"It has {schedules} schedule(s), which will fail to fire until they are edited or deleted.";
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete command",
            $"Delete “{command.Name}”? {scheduleNote} Execution records keep their own copy of the script.",
            yesText: "Delete",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await Service.DeleteAsync(command.Id, await ConsoleUser.ActorAsync(), CancellationToken.None);
        Snackbar.Add($"Deleted {command.Name}.", Severity.Info);
        Notifier.Publish(new CommandsChanged());
    }

    private Task RunAsync(CommandRecord command) => InvokeDialog.ShowAsync(Dialogs, Navigation, command);

    private Task RunAdHocAsync() => InvokeDialog.ShowAsync(Dialogs, Navigation, null);

    private Task SendFileAsync() => SendFileDialog.ShowAsync(Dialogs, Navigation);
}
