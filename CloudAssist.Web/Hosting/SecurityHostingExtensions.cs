using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Hosting;

internal static class SecurityHostingExtensions
{
    /// <summary>Security options, HSTS, and Kestrel's request limits.</summary>
    public static WebApplicationBuilder AddCloudAssistSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>()
            .Bind(builder.Configuration.GetSection(SecurityOptions.SectionName))
            .Validate(o => o.OriginsAreValid(),
                "Security:AllowedOrigins must hold origins such as https://console.example.com " +
                "(scheme, host and port; no path).")
            .ValidateOnStart();
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
    /// Security headers on every answer, HSTS and the redirect to HTTPS when configured, the hub's
    /// origin check, and the rate limiter. Goes first, so error answers carry the headers too.
    /// </summary>
    public static WebApplication UseCloudAssistSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
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

        app.UseMiddleware<HubOriginCheck>();
        app.UseRateLimiter();
        return app;
    }
}
