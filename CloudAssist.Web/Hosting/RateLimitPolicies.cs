using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Hosting;

/// <summary>
/// Named rate limit policies, each a fixed one-minute window per remote IP address. Apply one to an
/// endpoint with <c>RequireRateLimiting(RateLimitPolicies.Registration)</c>.
/// </summary>
public static partial class RateLimitPolicies
{
    /// <summary>Agent registration: bounds guessing at activation codes.</summary>
    public const string Registration = "registration";

    /// <summary>Operator sign-in: bounds guessing at passwords.</summary>
    public const string SignIn = "sign-in";

    /// <summary>The limiter, its policies and its 429 answer, with limits from <c>RateLimits</c>.</summary>
    public static WebApplicationBuilder AddCloudAssistRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.SectionName))
            .Validate(o => o.RegistrationPerMinute is >= 1 and <= RateLimitOptions.MaxPerMinute,
                $"RateLimits:RegistrationPerMinute must be 1 to {RateLimitOptions.MaxPerMinute}.")
            .Validate(o => o.SignInPerMinute is >= 1 and <= RateLimitOptions.MaxPerMinute,
                $"RateLimits:SignInPerMinute must be 1 to {RateLimitOptions.MaxPerMinute}.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(Registration, http => PerAddress(http, Registration, o => o.RegistrationPerMinute));
            // Only attempts count: showing the form (GET) is free, posting it (POST) is an attempt.
            limiter.AddPolicy(SignIn, http => HttpMethods.IsPost(http.Request.Method)
                ? PerAddress(http, SignIn, o => o.SignInPerMinute)
                : RateLimitPartition.GetNoLimiter("form"));
        });
        return builder;
    }

    private static RateLimitPartition<string> PerAddress(
        HttpContext http,
        string policy,
        Func<RateLimitOptions, int> limit)
    {
        var permits = limit(http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(policy + "|" + address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter
            : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        LogRejected(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitPolicies)),
            http.Request.Path, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (http.Request.Path.StartsWithSegments("/account"))
        {
            // A person at the sign-in form gets a page, not a JSON body.
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                "<!DOCTYPE html><title>Too many attempts</title><p>Too many sign-in attempts from your address. "
                + $"Try again in {seconds} s: <a href=\"/account/login\">sign in</a>.</p>",
                ct);
            return;
        }

        await TypedResults.Problem(
            title: "Too many requests",
            detail: $"Too many requests to this endpoint from your address; try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit refused a request to {Path} from {RemoteAddress}")]
    private static partial void LogRejected(ILogger logger, string path, string remoteAddress);
}
