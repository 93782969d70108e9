using Microsoft.AspNetCore.Http.Metadata;

namespace CloudAssist.Web.Hosting;

/// <summary>Endpoint metadata capping the request body; routing applies it before the body is read.</summary>
public sealed class RequestSizeLimitMetadata(long maxBytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxBytes;
}
