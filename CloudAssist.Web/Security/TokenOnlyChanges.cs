using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CloudAssist.Web.Security;

/// <summary>
/// An endpoint filter for the operator API: changes (POST, PUT, DELETE) need an API token. A console
/// session cookie only reads (e.g. downloading output), so no page on another site can make a signed-in
/// browser change anything through the API, whatever the browser does with SameSite.
/// </summary>
internal static class TokenOnlyChanges
{
    public static async ValueTask<object?> RequireAsync(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
        if (!safe && IsSession(http.User))
        {
            return TypedResults.Problem(
                title: "API token required",
                detail: "Changes through the API need 'Authorization: Bearer ca-pat-...'; " +
                    "create a token under API tokens.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    /// <summary>Whether the principal authenticated with a session cookie.</summary>
    public static bool IsSession(ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme;
}
