using System.Security.Claims;
using CloudAssist.Data.Records;
using CloudAssist.Web.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CloudAssist.Web.Security;

/// <summary>
/// The signed-in user of a console circuit. Every action handler in the console asks
/// <see cref="EnsureAsync"/> before it changes anything, so a role is enforced on the action itself,
/// not only by hiding its button.
/// </summary>
public sealed class ConsoleUser(
    AuthenticationStateProvider authentication,
    IAuthorizationService authorization,
    ConsoleConnection connection,
    ISnackbar snackbar)
{
    /// <summary>The circuit's principal.</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>The name recorded as the author of the user's actions.</summary>
    public async Task<string> NameAsync() => (await PrincipalAsync()).ActorName();

    /// <summary>The user as the author of an audited action, with the address the console was opened from.</summary>
    public async Task<AuditActor> ActorAsync() => AuditActor.Console(await PrincipalAsync(), connection.Address);

    /// <summary>The user's role, or null when not signed in.</summary>
    public async Task<UserRole?> RoleAsync() => (await PrincipalAsync()).Role();

    /// <summary>Whether the user satisfies the policy.</summary>
    public async Task<bool> CanAsync(string policy) =>
        (await authorization.AuthorizeAsync(await PrincipalAsync(), policy)).Succeeded;

    /// <summary>Whether the user satisfies the policy; when not, says so in a snackbar.</summary>
    public async Task<bool> EnsureAsync(string policy)
    {
        if (await CanAsync(policy))
        {
            return true;
        }

        var role = await RoleAsync();
        snackbar.Add($"Your role ({role?.ToString() ?? "none"}) may not do this; it needs {policy}.", Severity.Warning);
        return false;
    }
}
