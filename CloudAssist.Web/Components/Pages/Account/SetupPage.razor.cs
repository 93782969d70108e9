using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;

namespace CloudAssist.Web.Components.Pages.Account;

/// <summary>
/// Creates the first administrator while no user exists; once one does, the page only points to
/// sign-in. There is no default account.
/// </summary>
public partial class SetupPage
{
    private readonly List<string> _errors = [];

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private SetupForm Input { get; set; } = default!;

    [Inject]
    private UserService Users { get; set; } = default!;

    [Inject]
    private SetupCode SetupCode { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<SetupPage> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        if (await Users.AnyAsync(HttpContext.RequestAborted))
        {
            Navigation.NavigateTo("/account/login");
        }
    }

    private async Task CreateAsync()
    {
        if (!SetupCode.Matches(Input.SetupCode))
        {
            Logger.LogWarning("Refused a first-administrator set-up with a wrong set-up code from {Address}",
                HttpContext.Connection.RemoteIpAddress);
            _errors.Add($"The set-up code is not the one in {SetupCode.FilePath}.");
            return;
        }

        _errors.AddRange(Users.Validate(Input.UserName, Input.Password).Values.SelectMany(v => v));
        if (Input.Password != Input.Confirm)
        {
            _errors.Add("The two passwords differ.");
        }

        if (_errors.Count > 0)
        {
            return;
        }

        if (await Users.CreateFirstAsync(
            Input.UserName!,
            Input.Password!,
            HttpContext.Connection.RemoteIpAddress?.ToString(),
            HttpContext.RequestAborted) is not { } user)
        {
            Navigation.NavigateTo("/account/login");
            return;
        }

        SetupCode.Retire();
        Logger.LogInformation("Created the first administrator {User}", user.UserName);
        var principal = UserClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        Navigation.NavigateTo("/");
    }

    /// <summary>The posted fields.</summary>
    public sealed class SetupForm
    {
        public string? SetupCode { get; set; }

        public string? UserName { get; set; }

        public string? Password { get; set; }

        public string? Confirm { get; set; }
    }
}
