using CloudAssist.Contracts;
using CloudAssist.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Web.Tests.Security;

/// <summary>One POST or PUT endpoint of the agent or operator API, as routing knows it.</summary>
public sealed record FuzzTarget(string Method, RouteEndpoint Endpoint)
{
    public string Pattern => Endpoint.RoutePattern.RawText ?? "";

    public bool IsAgentApi => Pattern.StartsWith(AgentRoutes.Prefix, StringComparison.Ordinal);

    /// <summary>The body's .NET type, when the endpoint reads a JSON body.</summary>
    public Type? RequestType => Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    /// <summary>The largest body the endpoint accepts.</summary>
    public long MaxBodyBytes =>
        Endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? RequestLimits.MaxBodyBytes;

    /// <summary>Every POST and PUT under /api, read from the app's routing so new endpoints are fuzzed too.</summary>
    public static IReadOnlyList<FuzzTarget> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT")
                .Select(m => new FuzzTarget(m, e)))
            .OrderBy(t => t.Pattern, StringComparer.Ordinal)
            .ThenBy(t => t.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>The path with each route parameter filled by <paramref name="value"/>.</summary>
    public string Path(Func<string, string> value)
    {
        var segments = Endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part =>
            part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => value(parameter.Name),
                _ => "",
            })));
        return "/" + string.Join('/', segments);
    }

    public override string ToString() => $"{Method} {Pattern}";
}
