using CloudAssist.Data.Repositories;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.Tokens;

/// <summary>The signed-in user's own API tokens: create (shown once), list, revoke.</summary>
public sealed partial class TokensPage
{
    private List<ApiTokenView> _tokens = [];
    private Dictionary<string, string[]> _errors = [];
    private string? _name;
    private int? _days = 90;
    private string? _created;

    [Inject]
    private ApiTokenService TokenService { get; set; } = default!;

    [Inject]
    private ApiTokenRepository Tokens { get; set; } = default!;

    [Inject]
    private ConsoleUser ConsoleUser { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task<string> UserIdAsync() =>
        (await ConsoleUser.PrincipalAsync()).UserId() ?? throw new InvalidOperationException("Not signed in.");

    private async Task LoadAsync() =>
        _tokens = (await Tokens.ListForUserAsync(await UserIdAsync(), CancellationToken.None))
            .Select(ApiTokenView.From)
            .ToList();

    private string? Error(string field) => _errors.TryGetValue(field, out var messages) ? messages[0] : null;

    private string State(ApiTokenView token) =>
        token.RevokedAt is not null ? "Revoked" : token.ExpiresAt <= Time.GetUtcNow() ? "Expired" : "Active";

    private async Task CreateAsync()
    {
        _created = null;
        _errors = ApiTokenService.Validate(_name, _days);
        if (_errors.Count > 0)
        {
            return;
        }

        var (_, secret) = await TokenService.CreateAsync(
            await UserIdAsync(), _name!, _days, await ConsoleUser.ActorAsync(), CancellationToken.None);
        _created = secret;
        _name = null;
        await LoadAsync();
    }

    private async Task CopyAsync() => await Js.InvokeVoidAsync("cloudAssist.copyText", _created);

    private async Task RevokeAsync(ApiTokenView token)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Revoke token",
            $"Scripts using '{token.Name}' will be refused from now on.",
            yesText: "Revoke",
            cancelText: "Cancel");
        if (confirmed == true)
        {
            await TokenService.RevokeAsync(
                token.Id, await UserIdAsync(), await ConsoleUser.ActorAsync(), CancellationToken.None);
            await LoadAsync();
        }
    }
}
