using CloudAssist.Web.Audit;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;

namespace CloudAssist.Web.Hosting;

internal static class SecurityHostingExtensions
{
    private const string SelectorScheme = "CloudAssist";

    /// <summary>
    /// Sign-in: the console's session cookie and personal API tokens, chosen per request by whether an
    /// API token is presented; role policies; the first-administrator set-up code.
    /// </summary>
    public static WebApplicationBuilder AddCloudAssistSecurity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SecurityOptions.SectionName);
        builder.Services.AddOptions<SecurityOptions>().Bind(section)
            .Validate(o => o.LockoutThreshold is >= 1 and <= 100, "Security:LockoutThreshold must be 1-100.")
            .Validate(o => o.LockoutMinutes is >= 1 and <= 1440, "Security:LockoutMinutes must be 1-1440.")
            .Validate(o => o.SessionHours is >= 1 and <= 720, "Security:SessionHours must be 1-720.")
            .Validate(o => o.MinimumPasswordLength is >= 8 and <= 128, "Security:MinimumPasswordLength must be 8-128.")
            .Validate(o => o.ProxiesAreValid(), "Security:KnownProxies must hold IP addresses such as 10.0.0.5.")
            .Validate(o => o.OriginsAreValid(),
                "Security:AllowedOrigins must hold origins such as https://console.example.com " +
                "(scheme, host and port; no path).")
            .ValidateOnStart();
        var security = section.Get<SecurityOptions>() ?? new SecurityOptions();

        builder.Services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Session cookie or API token", o => o.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.TokenFrom(context.Request) is null
                    ? CookieAuthenticationDefaults.AuthenticationScheme
                    : ApiTokenAuthenticationHandler.SchemeName)
            .AddCookie(o => CookieSessions.Configure(o, security))
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(
                ApiTokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, CircuitRevalidation>();
        builder.Services.AddScoped<ConsoleUser>();
        builder.Services.AddScoped<ConsoleConnection>();
        builder.Services.AddSingleton<UserService>();
        builder.Services.AddSingleton<ApiTokenService>();
        var dataDirectory = StoreHostingExtensions.DataDirectory(builder);
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SetupCode>(sp, dataDirectory));
        return builder;
    }

    /// <summary>Issues the set-up code when the store has no user yet.</summary>
    public static async Task PrepareFirstSetupAsync(this WebApplication app)
    {
        if (!await app.Services.GetRequiredService<UserService>().AnyAsync(app.Lifetime.ApplicationStopping))
        {
            app.Services.GetRequiredService<SetupCode>().Issue();
        }
    }

    /// <summary>Authentication, authorization and antiforgery, in the order they must run, after routing.</summary>
    public static WebApplication UseCloudAssistSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The account endpoints that are not pages: signing out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Binding the form makes the antiforgery token required, so no other site can sign a user out.
        app.MapPost("/account/sign-out", async (HttpContext http, IFormCollection form, AuditLog audit) =>
        {
            if (http.User.UserId() is { } id)
            {
                await audit.RecordAsync(
                    AuditActor.From(http),
                    "user.signed_out",
                    "user",
                    id,
                    $"{http.User.ActorName()} signed out",
                    null);
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect("/account/login");
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Whether <paramref name="url"/> stays on this site (a path, not //host or /\host).</summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
