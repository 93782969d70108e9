using CloudAssist.Web.Hosting;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;

namespace CloudAssist.Web.Components.Pages.Account;

/// <summary>The sign-in form, rendered and posted without a circuit so it can set the session cookie.</summary>
public partial class LoginPage
{
    private string? _message;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private SignInForm Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [Inject]
    private UserService Users { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        if (HttpMethods.IsGet(HttpContext.Request.Method) && !await Users.AnyAsync(HttpContext.RequestAborted))
        {
            Navigation.NavigateTo("/account/setup");
        }
    }

    private async Task SignInAsync()
    {
        var outcome = await Users.SignInAsync(
            Input.UserName,
            Input.Password,
            HttpContext.Connection.RemoteIpAddress?.ToString(),
            HttpContext.RequestAborted);
        if (outcome is not { Kind: SignInResultKind.Succeeded, User: { } user })
        {
            _message = outcome.Message;
            return;
        }

        var principal = UserClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        Navigation.NavigateTo(SecurityHostingExtensions.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    /// <summary>The posted fields.</summary>
    public sealed class SignInForm
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
