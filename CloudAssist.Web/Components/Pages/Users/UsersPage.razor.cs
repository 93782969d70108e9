using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Components.Shared;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.Users;

/// <summary>Administrators add users, change roles, reset passwords, unlock, disable and enable.</summary>
public sealed partial class UsersPage
{
    private List<UserView> _users = [];

    [Inject]
    private UserRepository Repository { get; set; } = default!;

    [Inject]
    private UserService Users { get; set; } = default!;

    [Inject]
    private ConsoleUser ConsoleUser { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() =>
        _users = (await Repository.ListAsync(CancellationToken.None)).Select(UserView.From).ToList();

    private string State(UserView user) =>
        user.Disabled
            ? "Disabled"
            : user.LockedUntil > Time.GetUtcNow() ? $"Locked until {TimeText.Utc(user.LockedUntil.Value)}" : "Active";

    private async Task AddAsync()
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Administrator))
        {
            return;
        }

        var dialog = await Dialogs.ShowAsync<UserDialog>(
            "Add user", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private async Task ResetPasswordAsync(UserView user)
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Administrator))
        {
            return;
        }

        var parameters = new DialogParameters<UserDialog> { { d => d.Existing, user } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true };
        await Dialogs.ShowAsync<UserDialog>($"Reset the password of {user.UserName}", parameters, options);
    }

    private async Task ChangeAsync(UserView user, UserChange change)
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Administrator))
        {
            return;
        }

        if (await Users.UpdateAsync(
            user.Id, change, await ConsoleUser.ActorAsync(), CancellationToken.None) is { } problem)
        {
            Snackbar.Add(problem, Severity.Error);
        }
        else
        {
            Snackbar.Add($"Changed {user.UserName}; their sessions end and they sign in again.", Severity.Success);
        }

        await LoadAsync();
    }
}
