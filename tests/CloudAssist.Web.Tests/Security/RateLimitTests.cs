using System.Net;
using System.Net.Http.Json;
using CloudAssist.Contracts;
using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.Security;

/// <summary>Registration and sign-in attempts are limited per address and minute; other endpoints are not.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Register_OverTheLimit_TooManyRequestsProblemWithRetryAfter()
    {
        using var server = WithRegistrationLimit(2);
        var code = await server.CreateActivationCodeAsync(10);
        for (var i = 0; i < 2; i++)
        {
            (await RegisterAsync(server, code)).EnsureSuccessStatusCode();
        }

        var refused = await RegisterAsync(server, code);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task OtherEndpoints_WhileRegistrationRefused_Unaffected()
    {
        using var server = WithRegistrationLimit(1);
        var agent = await RawAgent.RegisterAsync(server);
        var refused = await RegisterAsync(server, "ca-act-unknown");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var started = new { startedAt = DateTimeOffset.UtcNow };
            answers.Add((await agent.PostAsync(AgentRoutes.Prefix + "/tasks/task-none/started", started)).StatusCode);
            answers.Add((await server.Api.GetAsync("/api/v1/instances")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var expected = Enumerable.Repeat(new[] { HttpStatusCode.NotFound, HttpStatusCode.OK }, 5).SelectMany(a => a);
        Assert.Equal(expected, answers);
    }

    [Fact]
    public void Start_LimitOutOfRange_Refused()
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "0" };

        var error = Assert.ThrowsAny<Exception>(() => new CloudAssistServer(settings).Dispose());

        Assert.Contains("RateLimits:SignInPerMinute", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_AttemptsOverTheLimit_Refused_ShowingTheFormIsNot()
    {
        using var server = new CloudAssistServer(
            new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "2" });
        using var client = SessionClient.Anonymous(server);
        var attempt = new Dictionary<string, string> { ["Input.UserName"] = "viewer", ["Input.Password"] = "guess" };
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(
                HttpStatusCode.OK, (await client.PostFormAsync("/account/login", "sign-in", attempt)).StatusCode);
        }

        var refused = await client.PostFormAsync("/account/login", "sign-in", attempt);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Too many sign-in attempts", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/login")).StatusCode);
    }

    private static CloudAssistServer WithRegistrationLimit(int perMinute) =>
        new(new Dictionary<string, string?> { ["RateLimits:RegistrationPerMinute"] = perMinute.ToString() });

    private static Task<HttpResponseMessage> RegisterAsync(CloudAssistServer server, string code) =>
        server.Api.PostAsJsonAsync(AgentRoutes.Register, RawAgent.Registration(code), CloudAssistServer.Json);
}
