using CloudAssist.Data.Records;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.Users;

/// <summary>Adds a user, or, given <see cref="Existing"/>, sets a new password for one.</summary>
public sealed partial class UserDialog
{
    private Dictionary<string, string[]> _errors = [];
    private string? _userName;
    private UserRole _role = UserRole.Viewer;
    private string? _password;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The user whose password is reset; null to add a user.</summary>
    [Parameter]
    public UserView? Existing { get; set; }

    [Inject]
    private UserService Users { get; set; } = default!;

    [Inject]
    private ConsoleUser ConsoleUser { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private string? Error(string field) => _errors.TryGetValue(field, out var messages) ? messages[0] : null;

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Administrator))
        {
            return;
        }

        if (Existing is { } user)
        {
            var problem = await Users.UpdateAsync(
                user.Id, new UserChange(Password: _password), await ConsoleUser.ActorAsync(), CancellationToken.None);
            _errors = problem is null ? [] : new() { ["password"] = [problem] };
        }
        else
        {
            _errors = Users.Validate(_userName, _password);
            if (_errors.Count == 0 && await Users.CreateAsync(
                _userName!, _role, _password!, await ConsoleUser.ActorAsync(), CancellationToken.None) is null)
            {
                _errors["userName"] = [$"A user named '{_userName!.Trim()}' already exists."];
            }
        }

        if (_errors.Count == 0)
        {
            Snackbar.Add(Existing is null ? $"Added {_userName!.Trim()}." : "Password changed.", Severity.Success);
            Dialog.Close(DialogResult.Ok(true));
        }
    }
}
