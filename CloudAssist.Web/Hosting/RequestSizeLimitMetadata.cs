using Microsoft.AspNetCore.Http.Metadata;

namespace CloudAssist.Web.Hosting;

/// <summary>Endpoint metadata capping the request body; routing applies it before the body is read.</summary>
/// <param name="maxBytes">The largest body accepted.</param>
/// <param name="tooLargeDetail">What the 413 answer tells a person; null for the general message.</param>
public sealed class RequestSizeLimitMetadata(long maxBytes, string? tooLargeDetail = null) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxBytes;

    public string? TooLargeDetail { get; } = tooLargeDetail;
}
