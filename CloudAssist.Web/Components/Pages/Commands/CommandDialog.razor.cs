using CloudAssist.Data.Records;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Commands;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.Commands;

/// <summary>Creates, edits or clones a command; server-side validation messages appear beside their fields.</summary>
public sealed partial class CommandDialog
{
    [Inject]
    private ConsoleUser ConsoleUser { get; set; } = default!;

    private readonly List<EditableParameter> _parameters = [];
    private Dictionary<string, string[]> _errors = [];
    private string _name = "";
    private string _description = "";
    private string _type = CommandTypes.Shell;
    private string _content = "";
    private string _workingDirectory = "";
    private int _timeout = 60;
    private bool _saving;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = null!;

    /// <summary>The command to edit or clone; null to create one. Default: null.</summary>
    [Parameter] public CommandRecord? Source { get; set; }

    /// <summary>Save <see cref="Source"/> as a new command named "... (copy)". Default: false.</summary>
    [Parameter] public bool IsClone { get; set; }

    protected override void OnInitialized()
    {
        if (Source is null)
        {
            return;
        }

        _name = IsClone ? Source.Name + " (copy)" : Source.Name;
        _description = Source.Description;
        _type = Source.CommandType;
        _content = Source.Content;
        _workingDirectory = Source.WorkingDirectory ?? "";
        _timeout = Source.TimeoutSeconds;
        _parameters.AddRange(CommandParameter.Parse(Source.ParametersJson)
            .Select(p => new EditableParameter { Name = p.Name, DefaultValue = p.DefaultValue, Description = p.Description, Secret = p.Secret }));
    }

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string ErrorOf(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : "";

    private void AddParameter() => _parameters.Add(new EditableParameter());

    private void DetectParameters()
    {
        foreach (var name in ScriptParameters.Names(_content).Where(n => _parameters.All(p => p.Name != n)))
        {
            _parameters.Add(new EditableParameter { Name = name });
        }
    }

    private async Task SaveAsync()
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Operator))
        {
            return;
        }

        _saving = true;
        var request = new SaveCommandRequest
        {
            Name = _name,
            Description = _description,
            CommandType = _type,
            Content = _content,
            WorkingDirectory = _workingDirectory,
            TimeoutSeconds = _timeout,
            Parameters = _parameters.Select(p => new CommandParameter(p.Name.Trim(), p.DefaultValue, p.Description, p.Secret)).ToList(),
        };
        var (command, errors) = Source is null || IsClone
            ? await Service.CreateAsync(request, await ConsoleUser.ActorAsync(), CancellationToken.None)
            : await Service.UpdateAsync(Source.Id, request, await ConsoleUser.ActorAsync(), CancellationToken.None);
        _saving = false;
        _errors = errors;
        if (command is not null)
        {
            MudDialog.Close(DialogResult.Ok(command));
        }
    }

    private sealed class EditableParameter
    {
        public string Name { get; set; } = "";
        public string? DefaultValue { get; set; }
        public string? Description { get; set; }
        public bool Secret { get; set; }
    }
}
