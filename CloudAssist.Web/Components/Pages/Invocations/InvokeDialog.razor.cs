using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Commands;
using CloudAssist.Web.Components.Shared;
using CloudAssist.Web.Instances;
using CloudAssist.Web.Invocations;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.Invocations;

/// <summary>Runs a saved command, or ad hoc content, on chosen instances; closes with the new invocation.</summary>
public sealed partial class InvokeDialog
{
    [Inject]
    private ConsoleUser ConsoleUser { get; set; } = default!;

    private readonly Dictionary<string, string> _values = [];
    private Dictionary<string, string[]> _errors = [];
    private List<InstanceView>? _instances;
    private HashSet<InstanceView> _selected = [];
    private IReadOnlyList<CommandParameter> _declared = [];
    private string _type = CommandTypes.Shell;
    private string _content = "";
    private string _filter = "";
    private int? _timeout;
    private int? _maxErrors;
    private string _runAs = "";
    private string _maxConcurrency = "";
    private string _environmentText = "";
    private bool _running;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = null!;

    [Inject] private InstanceRepository Instances { get; set; } = null!;
    [Inject] private InvocationService Invocations { get; set; } = null!;
    [Inject] private IOptions<AgentApiOptions> AgentApi { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    /// <summary>The saved command to run; null for ad hoc content typed in the dialog. Default: null.</summary>
    [Parameter] public CommandRecord? Command { get; set; }

    /// <summary>Ad hoc script to start from, e.g. for "run again". Default: empty.</summary>
    [Parameter] public string InitialContent { get; set; } = "";

    /// <summary>Ad hoc command type to start from. Default: shell.</summary>
    [Parameter] public string InitialType { get; set; } = CommandTypes.Shell;

    /// <summary>Instances to preselect, e.g. for "run again". Default: none.</summary>
    [Parameter] public IReadOnlyCollection<string> PreselectedInstanceIds { get; set; } = [];

    /// <summary>Opens the dialog and, when it runs something, shows the new execution record.</summary>
    public static async Task ShowAsync(
        IDialogService dialogs,
        NavigationManager navigation,
        CommandRecord? command,
        IReadOnlyCollection<string>? preselected = null,
        string? adHocContent = null,
        string? adHocType = null)
    {
        var parameters = new DialogParameters<InvokeDialog>
        {
            { d => d.Command, command },
            { d => d.PreselectedInstanceIds, preselected ?? [] },
            { d => d.InitialContent, adHocContent ?? "" },
            { d => d.InitialType, adHocType ?? CommandTypes.Shell },
        };
        var title = command is null ? "Run command" : $"Run {command.Name}";
        var dialog = await dialogs.ShowAsync<InvokeDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string invocationId })
        {
            navigation.NavigateTo($"/invocations/{invocationId}");
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _declared = Command is null ? [] : CommandParameter.Parse(Command.ParametersJson);
        _content = InitialContent;
        _type = InitialType;
        var now = Time.GetUtcNow();
        _instances = (await Instances.ListAsync(CancellationToken.None))
            .Select(i => InstanceView.From(i, now, AgentApi.Value.OfflineAfterSeconds))
            .ToList();
        _selected = _instances.Where(i => PreselectedInstanceIds.Contains(i.Id)).ToHashSet();
    }

    private IEnumerable<string> ParameterNames =>
        ScriptParameters.Names(Command?.Content ?? _content).Union(_declared.Select(p => p.Name));

    private string CommandType => Command?.CommandType ?? _type;

    // Instances that reported their interpreters and lack this command type's; older agents report none.
    private List<InstanceView> LackingInterpreter =>
        _selected.Where(i => i.Interpreters.Count > 0 && !i.Interpreters.Contains(CommandType)).ToList();

    private string DefaultTimeoutText => $"{Command?.TimeoutSeconds ?? InvocationLimits.DefaultTimeoutSeconds} (the command's)";

    private string ValueOf(string name) =>
        _values.TryGetValue(name, out var value) ? value : _declared.FirstOrDefault(p => p.Name == name)?.DefaultValue ?? "";

    private bool IsSecret(string name) => _declared.Any(p => p.Name == name && p.Secret);

    private string? DescriptionOf(string name) => _declared.FirstOrDefault(p => p.Name == name)?.Description;

    private string OfflineReason(InstanceView instance) =>
        $"Last seen {TimeText.Ago(instance.LastSeenAt, Time.GetUtcNow())}; its task waits until the agent polls again.";

    private bool MatchesFilter(InstanceView instance) =>
        string.IsNullOrWhiteSpace(_filter)
        || instance.Name.Contains(_filter, StringComparison.OrdinalIgnoreCase)
        || instance.Hostname.Contains(_filter, StringComparison.OrdinalIgnoreCase)
        || instance.Addresses.Any(a => a.Contains(_filter, StringComparison.OrdinalIgnoreCase))
        || instance.Tags.Any(t => t.Contains(_filter, StringComparison.OrdinalIgnoreCase));

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string ErrorOf(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : "";

    private Dictionary<string, string>? ParseEnvironment()
    {
        var lines = _environmentText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0
            ? null
            : lines.Select(l => l.Split('=', 2)).GroupBy(p => p[0].Trim()).ToDictionary(g => g.Key, g => g.Last().ElementAtOrDefault(1) ?? "");
    }

    private async Task RunAsync()
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Operator))
        {
            return;
        }

        _running = true;
        var request = new CreateInvocationRequest
        {
            CommandId = Command?.Id,
            Content = Command is null ? _content : null,
            CommandType = Command is null ? _type : null,
            TimeoutSeconds = _timeout,
            // Only what was typed or has a declared default: a blank field must meet the server's "give a value".
            Parameters = ParameterNames
                .Where(n => _values.ContainsKey(n) || _declared.Any(p => p.Name == n && p.DefaultValue is not null))
                .ToDictionary(n => n, ValueOf),
            InstanceIds = _selected.Select(i => i.Id).ToList(),
            RunAs = string.IsNullOrWhiteSpace(_runAs) ? null : _runAs.Trim(),
            MaxConcurrency = string.IsNullOrWhiteSpace(_maxConcurrency) ? null : _maxConcurrency.Trim(),
            MaxErrors = _maxErrors,
            Environment = ParseEnvironment(),
        };

        var (invocation, errors) =
            await Invocations.CreateAsync(request, await ConsoleUser.ActorAsync(), "manual", CancellationToken.None);
        _running = false;
        _errors = errors;
        if (invocation is not null)
        {
            MudDialog.Close(DialogResult.Ok(invocation.Id));
        }
    }
}
