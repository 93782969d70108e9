using System.Net;
using System.Text;
using CloudAssist.Data.Records;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Web.Tests.Security;

/// <summary>
/// Each role against every operator API endpoint and every console page. The table names the least
/// role of each; the test fails when an endpoint exists that the table does not name, so a new
/// endpoint cannot ship without saying who may call it.
/// </summary>
public sealed class RoleAccessTests(CloudAssistServer server) : IClassFixture<CloudAssistServer>
{
    private const UserRole Viewer = UserRole.Viewer;
    private const UserRole Operator = UserRole.Operator;
    private const UserRole Admin = UserRole.Administrator;

    // Method, route pattern, least role. Route values are filled with ids that do not exist and bodies
    // are "{}", so an admitted call is refused for its input (400/404), never by role, and changes nothing.
    public static readonly TheoryData<string, string, UserRole> Endpoints = new()
    {
        { "GET", "/api/v1/me", Viewer },
        { "GET", "/api/v1/commands", Viewer },
        { "GET", "/api/v1/commands/{id}", Viewer },
        { "POST", "/api/v1/commands", Operator },
        { "PUT", "/api/v1/commands/{id}", Operator },
        { "DELETE", "/api/v1/commands/{id}", Operator },
        { "GET", "/api/v1/instances", Viewer },
        { "GET", "/api/v1/instances/{id}", Viewer },
        { "PUT", "/api/v1/instances/{id}/tags", Operator },
        { "DELETE", "/api/v1/instances/{id}", Admin },
        { "POST", "/api/v1/instances/{id}/rotate-credential", Admin },
        { "GET", "/api/v1/activation-codes", Admin },
        { "POST", "/api/v1/activation-codes", Admin },
        { "DELETE", "/api/v1/activation-codes/{id}", Admin },
        { "GET", "/api/v1/invocations", Viewer },
        { "POST", "/api/v1/invocations", Operator },
        { "GET", "/api/v1/invocations/{id}", Viewer },
        { "GET", "/api/v1/invocations/{id}/tasks/{taskId}/output", Viewer },
        { "GET", "/api/v1/invocations/{id}/tasks/{taskId}/output/download", Viewer },
        { "POST", "/api/v1/invocations/{id}/stop", Operator },
        { "POST", "/api/v1/invocations/{id}/tasks/{taskId}/stop", Operator },
        { "GET", "/api/v1/schedules", Viewer },
        { "POST", "/api/v1/schedules", Operator },
        { "POST", "/api/v1/schedules/preview", Viewer },
        { "GET", "/api/v1/schedules/{id}", Viewer },
        { "PUT", "/api/v1/schedules/{id}", Operator },
        { "DELETE", "/api/v1/schedules/{id}", Operator },
        { "POST", "/api/v1/schedules/{id}/pause", Operator },
        { "POST", "/api/v1/schedules/{id}/resume", Operator },
        { "GET", "/api/v1/schedules/{id}/runs", Viewer },
        { "POST", "/api/v1/files", Operator },
        { "GET", "/api/v1/files/{invocationId}", Viewer },
        { "GET", "/api/v1/users", Admin },
        { "POST", "/api/v1/users", Admin },
        { "PATCH", "/api/v1/users/{id}", Admin },
        { "GET", "/api/v1/tokens", Viewer },
        { "DELETE", "/api/v1/tokens/{id}", Viewer },
        { "GET", "/api/v1/audit", Admin },
        { "GET", "/api/v1/audit/export.csv", Admin },
    };

    // Console pages and the least role that opens them.
    public static readonly TheoryData<string, UserRole> Pages = new()
    {
        { "/", Viewer },
        { "/commands", Viewer },
        { "/instances", Viewer },
        { "/invocations", Viewer },
        { "/schedules", Viewer },
        { "/tokens", Viewer },
        { "/users", Admin },
        { "/audit", Admin },
        { "/activation-codes", Admin },
    };

    [Fact]
    public void Table_NamesEveryOperatorApiEndpoint()
    {
        var mapped = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Order()
            .ToList();
        var named = Endpoints.Select(row => $"{row[0]} {row[1]}").Order().ToList();

        Assert.Equal(named, mapped);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_AdmitsItsRoleAndAbove_RefusesBelowAndAnonymous(
        string method,
        string pattern,
        UserRole least)
    {
        var path = pattern.Replace("{id}", "no-such-id").Replace("{taskId}", "no-such-task")
            .Replace("{invocationId}", "no-such-invocation");

        using var anonymous = SessionClient.Anonymous(server);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.SendAsync(Request(method, path))).StatusCode);
        foreach (var role in Enum.GetValues<UserRole>())
        {
            using var client = server.ClientFor(role);
            var response = await client.SendAsync(Request(method, path));
            var body = await response.Content.ReadAsStringAsync();
            if (role < least)
            {
                Assert.True(
                    response.StatusCode == HttpStatusCode.Forbidden,
                    $"{role} {method} {path}: {response.StatusCode} {body}");
                Assert.Contains($"Your role ({role})", body);
            }
            else
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                    and < HttpStatusCode.InternalServerError, $"{role} {method} {path}: {response.StatusCode} {body}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_OpensForItsRoleAndAbove_SendsOthersToSignInOrDenied(string page, UserRole least)
    {
        using var anonymous = SessionClient.Anonymous(server);
        var refused = await anonymous.Http.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/login", refused.Headers.Location!.PathAndQuery);

        foreach (var role in Enum.GetValues<UserRole>())
        {
            using var session = await SessionClient.SignInAsync(server, CloudAssistServer.UserNameFor(role));
            var response = await session.Http.GetAsync(page);
            if (role < least)
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task SessionCookie_ReadsTheApi_ButCannotChangeThroughIt()
    {
        using var session = await SessionClient.SignInAsync(server, CloudAssistServer.UserNameFor(Admin));

        var read = await session.Http.GetAsync("/api/v1/commands");
        var write = await session.Http.SendAsync(Request("POST", "/api/v1/commands"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("API token", await write.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "DELETE" ? null : new StringContent("{}", Encoding.UTF8, "application/json"),
    };
}
