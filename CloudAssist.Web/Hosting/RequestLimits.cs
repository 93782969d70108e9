using Microsoft.AspNetCore.Http.Metadata;

namespace CloudAssist.Web.Hosting;

/// <summary>
/// Kestrel's limits on every request, set here so they stay what the README says whatever the
/// framework's defaults become. An endpoint may raise the body limit with <see cref="RequestSizeLimitMetadata"/>.
/// </summary>
public static class RequestLimits
{
    /// <summary>The body limit of every endpoint that sets none of its own: 1 MiB.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>All request headers together: 32 KiB.</summary>
    public const int MaxHeadersTotalBytes = 32 * 1024;

    /// <summary>At most this many request headers.</summary>
    public const int MaxHeaderCount = 100;

    /// <summary>The request line (method, path and query): 8 KiB.</summary>
    public const int MaxRequestLineBytes = 8 * 1024;

    /// <summary>How long a client may take to send its headers: 30 s.</summary>
    public static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Answers 413 before the endpoint runs when the declared Content-Length is over the endpoint's
    /// limit. Kestrel enforces the limit only when a body is read; an endpoint that reads none (a stop,
    /// a rotation) would otherwise answer while the client still sends, and the connection be cut.
    /// </summary>
    public static Task RefuseDeclaredOversizeAsync(HttpContext context, RequestDelegate next)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? MaxBodyBytes;
        if (context.Request.ContentLength is not { } length || length <= limit)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "Request body too large" },
        }).AsTask();
    }
}
