using CloudAssist.Web.Security;
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
    /// Routing, then security headers on every answer, HSTS and the redirect to HTTPS when configured,
    /// the hub's origin check, and the rate limiter (which needs the matched endpoint's policy). Goes
    /// first, so error answers carry the headers too.
    /// </summary>
    public static WebApplication UseCloudAssistEdges(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
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
}
