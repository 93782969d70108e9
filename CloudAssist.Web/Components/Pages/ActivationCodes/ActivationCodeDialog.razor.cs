using CloudAssist.Web.Instances;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CloudAssist.Web.Components.Pages.ActivationCodes;

/// <summary>
/// Creates an activation code, with the server's validation messages beside their fields, then
/// shows the code and the command that starts an agent with it: once, as nothing can show it again.
/// </summary>
public sealed partial class ActivationCodeDialog
{
    [Inject]
    private ConsoleUser ConsoleUser { get; set; } = default!;

    private Dictionary<string, string[]> _errors = [];
    private string _description = "";
    private int _usageLimit = 1;
    private int _lifetime = 24;
    private string _lifetimeUnit = "hours";
    private string _allowedRanges = "";
    private bool _saving;
    private CreatedActivationCode? _created;
    private string _command = "";

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = null!;

    [Inject] private ActivationCodeService Service { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IJSRuntime Js { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>Opens the dialog; it closes itself once the code has been shown.</summary>
    public static async Task ShowAsync(IDialogService dialogs)
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false };
        var dialog = await dialogs.ShowAsync<ActivationCodeDialog>("Create activation code", options);
        await dialog.Result;
    }

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string ErrorOf(string field) =>
        _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : "";

    private async Task CreateAsync()
    {
        if (!await ConsoleUser.EnsureAsync(Policies.Administrator))
        {
            return;
        }

        _saving = true;
        var hours = _lifetimeUnit == "days" ? (long)_lifetime * 24 : _lifetime;
        var request = new CreateActivationCodeRequest(
            _description, _usageLimit, (int)Math.Min(hours, int.MaxValue), _allowedRanges);
        (_created, _errors) = await Service.CreateAsync(
            request, await ConsoleUser.ActorAsync(), CancellationToken.None);
        _saving = false;
        if (_created is not null)
        {
            _command = AgentInstallCommand.For(Navigation.BaseUri, _created.Code);
        }
    }

    private async Task CopyAsync(string text)
    {
        await Js.InvokeVoidAsync("cloudAssist.copyText", text);
        Snackbar.Add("Copied.", Severity.Info);
    }
}
