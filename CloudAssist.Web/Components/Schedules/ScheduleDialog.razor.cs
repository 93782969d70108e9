using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Schedules;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CloudAssist.Web.Components.Schedules;

/// <summary>
/// Runs a command now or saves it on a schedule; with <see cref="Existing"/>, edits that schedule.
/// Closes with the id of the invocation or schedule it created.
/// </summary>
public sealed partial class ScheduleDialog
{
    [Inject]
    private ConsoleUser ConsoleUser { get; set; } = default!;

    private IReadOnlyList<CommandRecord> _commands = [];
    private IReadOnlyList<InstanceRecord> _instances = [];
    private string? _commandId;
    private string? _name;
    private string _commandType = CommandTypes.Shell;
    private string? _content;
    private IReadOnlyCollection<string> _targets = [];
    private bool _onSchedule = true;
    private ScheduleDraft _draft = new();
    private ScheduleEditor? _editor;
    private List<string> _errors = [];
    private bool _busy;

    /// <summary>The schedule to edit; null to create. Default: null.</summary>
    [Parameter]
    public ScheduleView? Existing { get; set; }

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private CommandRepository Commands { get; set; } = default!;

    [Inject]
    private InstanceRepository Instances { get; set; } = default!;

    [Inject]
    private ScheduleService Schedules { get; set; } = default!;

    [Inject]
    private InvocationService Invocations { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _commands = await Commands.ListAsync(null, 500, 0, CancellationToken.None);
        _instances = await Instances.ListAsync(CancellationToken.None);
        if (Existing is { } schedule)
        {
            _commandId = schedule.CommandId;
            _name = schedule.CommandName;
            _commandType = string.IsNullOrEmpty(schedule.CommandType) ? CommandTypes.Shell : schedule.CommandType;
            _content = schedule.Content;
            _targets = schedule.InstanceIds.ToList();
            _draft = ScheduleDraft.From(schedule);
        }
    }

    private void Cancel() => Dialog.Cancel();

    private async Task SubmitAsync()
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Operator))
        {
            return;
        }

        _busy = true;
        try
        {
            var (id, errors) = _onSchedule ? await SaveScheduleAsync() : await RunNowAsync();
            _errors = errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).ToList();
            if (id is not null)
            {
                Dialog.Close(DialogResult.Ok(id));
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<(string? Id, Dictionary<string, string[]> Errors)> SaveScheduleAsync()
    {
        var request = _draft.ApplyTo(new SaveScheduleRequest
        {
            CommandId = _commandId,
            Name = _name,
            CommandType = _commandType,
            Content = _content,
            InstanceIds = _targets.ToList(),
            Enabled = Existing?.Enabled ?? true,
        });
        var (schedule, errors) = Existing is null
            ? await Schedules.CreateAsync(request, await ConsoleUser.ActorAsync(), CancellationToken.None)
            : await Schedules.UpdateAsync(Existing.Id, request, await ConsoleUser.ActorAsync(), CancellationToken.None);
        return (schedule?.Id, errors);
    }

    private async Task<(string? Id, Dictionary<string, string[]> Errors)> RunNowAsync()
    {
        var request = new CreateInvocationRequest
        {
            CommandId = _commandId,
            Name = _name,
            CommandType = _commandType,
            Content = _content,
            InstanceIds = _targets.ToList(),
        };
        var (invocation, errors) =
            await Invocations.CreateAsync(request, await ConsoleUser.ActorAsync(), "manual", CancellationToken.None);
        return (invocation?.Id, errors);
    }
}
