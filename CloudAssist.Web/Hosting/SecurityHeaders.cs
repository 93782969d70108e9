using Scalar.AspNetCore;

namespace CloudAssist.Web.Hosting;

/// <summary>
/// Adds the security headers to every answer, errors included: they are set as the response
/// starts, so the exception handler clearing the headers cannot drop them.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The policy of the console and the APIs.</summary>
    /// <remarks>
    /// Blazor Server (blazor.web.js) needs nothing beyond 'self': its circuit is a same-origin
    /// WebSocket, which 'self' covers. style-src allows inline styles because MudBlazor writes
    /// style attributes and a theme &lt;style&gt; element at run time.
    /// </remarks>
    public const string ConsolePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self'; object-src 'none'";

    /// <summary>The policy of the API reference page under <see cref="ApiReferencePath"/>.</summary>
    /// <remarks>
    /// Scalar's page starts itself with inline scripts, allowed by the nonce Scalar draws for each
    /// request; its bundle compiles templates and schema examples with eval, so 'unsafe-eval' is
    /// allowed on this path alone. The page only reads the OpenAPI document and takes no input
    /// into its markup; the console keeps the strict policy.
    /// </remarks>
    public static string ApiReferencePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; " +
        "base-uri 'self'; form-action 'self'; object-src 'none'";

    public const string ApiReferencePath = "/api-reference";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        // Only Scalar's page itself draws a nonce; its scripts and anything else under the path get the strict policy.
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReferencePath)
            && context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce
                ? ApiReferencePolicy(nonce)
                : ConsolePolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        // same-origin rather than no-referrer: under no-referrer a browser sends "Origin: null" on
        // same-origin POSTs, which the hub's origin check (rightly) refuses.
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
