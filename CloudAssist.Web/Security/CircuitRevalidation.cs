using CloudAssist.Data.Repositories;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace CloudAssist.Web.Security;

/// <summary>
/// Re-checks a live console circuit's user every 30 seconds, so disabling a user or changing their
/// role ends an open console too, not only the next page load.
/// </summary>
internal sealed class CircuitRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        if (principal.UserId() is not { } id)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserRepository>().GetAsync(id, cancellationToken);
        return user is { DisabledAt: null }
            && user.SecurityStamp == principal.FindFirst(UserClaims.SecurityStamp)?.Value;
    }
}
