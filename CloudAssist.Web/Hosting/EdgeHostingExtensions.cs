using CloudAssist.Web.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Hosting;

internal static class EdgeHostingExtensions
{
    /// <summary>HSTS and Kestrel's request limits (the <c>Security</c> options are bound with sign-in's).</summary>
    public static WebApplicationBuilder AddCloudAssistEdges(this WebApplicationBuilder builder)
    {
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = RequestLimits.MaxHeadersTotalBytes;
            k.Limits.MaxRequestHeaderCount = RequestLimits.MaxHeaderCount;
            k.Limits.MaxRequestLineSize = RequestLimits.MaxRequestLineBytes;
            k.Limits.RequestHeadersTimeout = RequestLimits.HeadersTimeout;
        });
        return builder;
    }

    /// <summary>
    /// The client's address from a known proxy's forwarded headers (only when proxies are named), routing,
    /// then security headers on every answer, HSTS and the redirect to HTTPS when configured,
    /// the hub's origin check, and the rate limiter (which needs the matched endpoint's policy). Goes
    /// first, so error answers carry the headers too.
    /// </summary>
    public static WebApplication UseCloudAssistEdges(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (options.KnownProxies.Length > 0)
        {
            app.UseForwardedHeaders(ForwardedFrom(options.KnownProxies));
        }

        app.UseRouting();
        app.UseMiddleware<SecurityHeaders>();
        if (options.Hsts)
        {
            // Sent on HTTPS answers only, and never for localhost (HstsOptions.ExcludedHosts).
            app.UseHsts();
        }

        if (options.RedirectToHttps)
        {
            app.UseHttpsRedirection();
        }

        app.Use(RequestLimits.RefuseDeclaredOversizeAsync);
        app.UseMiddleware<HubOriginCheck>();
        app.UseRateLimiter();
        return app;
    }

    // Only the named proxies are believed, and only their last hop: a client cannot claim an address by
    // sending the header itself, as the proxy appends the peer it saw.
    private static ForwardedHeadersOptions ForwardedFrom(string[] proxies)
    {
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }

        return forwarded;
    }
}
