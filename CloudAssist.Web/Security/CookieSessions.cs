using CloudAssist.Data.Repositories;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CloudAssist.Web.Security;

/// <summary>
/// The console's session cookie: API paths answer 401/403 with ProblemDetails instead of redirecting,
/// and a session ends as soon as its user is disabled, deleted, or changed (a new security stamp).
/// </summary>
internal static class CookieSessions
{
    public static void Configure(CookieAuthenticationOptions options, SecurityOptions security)
    {
        options.Cookie.Name = "CloudAssist.Session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(security.SessionHours);
        options.SlidingExpiration = true;
        options.LoginPath = "/account/login";
        options.LogoutPath = "/account/sign-out";
        options.AccessDeniedPath = "/account/denied";
        options.Events.OnRedirectToLogin = context => IsApi(context.Request)
            ? AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Not authenticated",
                "Send an API token as 'Authorization: Bearer ca-pat-...'; create one under API tokens in the console.")
            : Redirect(context);
        options.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
            ? AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
                AuthProblems.ForbiddenDetail(context.HttpContext))
            : Redirect(context);
        options.Events.OnValidatePrincipal = ValidateAsync;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.UserId();
        var users = context.HttpContext.RequestServices.GetRequiredService<UserRepository>();
        var user = id is null ? null : await users.GetAsync(id, context.HttpContext.RequestAborted);
        if (user is null || user.DisabledAt is not null
            || user.SecurityStamp != context.Principal?.FindFirst(UserClaims.SecurityStamp)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }
}
