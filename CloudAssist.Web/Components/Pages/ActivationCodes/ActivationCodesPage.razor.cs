using CloudAssist.Web.Instances;
using CloudAssist.Web.Live;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.ActivationCodes;

/// <summary>The activation codes with their status, refreshed live; create one or revoke one.</summary>
public sealed partial class ActivationCodesPage : IDisposable
{
    [Inject]
    private ConsoleUser ConsoleUser { get; set; } = default!;

    private IReadOnlyList<ActivationCodeSummary>? _codes;
    private IDisposable? _subscription;

    [Inject] private ActivationCodeService Service { get; set; } = null!;
    [Inject] private ConsoleNotifier Notifier { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _subscription = Notifier.Subscribe(OnEvent);
    }

    public void Dispose() => _subscription?.Dispose();

    // Created, revoked or used, here or elsewhere (registration counts a use).
    private void OnEvent(ConsoleEvent e)
    {
        if (e is ActivationCodesChanged)
        {
            _ = InvokeAsync(RefreshAsync);
        }
    }

    private async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync() => _codes = await Service.ListAsync(CancellationToken.None);

    private Task CreateAsync() => ActivationCodeDialog.ShowAsync(Dialogs);

    private async Task RevokeAsync(ActivationCodeSummary code)
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Administrator))
        {
            return;
        }

        var name = string.IsNullOrEmpty(code.Description) ? code.Id : $"“{code.Description}”";
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Revoke activation code",
            $"Revoke {name}? No agent can register with it any more; instances that registered with it stay.",
            yesText: "Revoke",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        if (!await Service.RevokeAsync(code.Id, await ConsoleUser.ActorAsync(), CancellationToken.None))
        {
            Snackbar.Add("The code was revoked already.", Severity.Info);
            return;
        }

        Snackbar.Add($"Revoked {name}.", Severity.Info);
    }
}
