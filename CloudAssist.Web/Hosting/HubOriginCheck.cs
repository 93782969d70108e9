using CloudAssist.Web.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Hosting;

/// <summary>
/// Refuses a request to the Blazor hub (or any SignalR hub) whose Origin is another site's, so a
/// page elsewhere cannot open a console circuit with the operator's browser. A request without
/// Origin passes: browsers always send one on WebSocket handshakes and cross-origin POSTs, and
/// clients that send none are not browsers (see docs/decisions.md).
/// </summary>
public sealed partial class HubOriginCheck(
    RequestDelegate next,
    IOptions<SecurityOptions> options,
    ILogger<HubOriginCheck> logger)
{
    private readonly HashSet<string> _allowed = options.Value.AllowedOrigins
        .Select(Normalize)
        .OfType<string>()
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !IsHub(context) || IsAllowed(context.Request, origin))
        {
            return next(context);
        }

        LogRefused(logger, context.Request.Path, origin);
        return TypedResults.Problem(
            title: "Origin not allowed",
            detail: $"Requests from {origin} may not open a console connection. An operator can add the origin to " +
                    "Security:AllowedOrigins when the console is served through another address.",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
    }

    /// <summary>An http(s) URL's <c>scheme://host[:port]</c>, lower case, no default port; else null.</summary>
    internal static string? Normalize(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    private static bool IsHub(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/_blazor")
        || context.GetEndpoint()?.Metadata.GetMetadata<HubMetadata>() is not null;

    private bool IsAllowed(HttpRequest request, string origin)
    {
        // "null" (a sandboxed frame, a file: page) and anything unparsable normalise to null: refused.
        var normalized = Normalize(origin);
        return normalized is not null
            && (normalized == Normalize($"{request.Scheme}://{request.Host}") || _allowed.Contains(normalized));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a hub request to {Path} from foreign origin {Origin}")]
    private static partial void LogRefused(ILogger logger, string path, string origin);
}
