using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CloudAssist.Web.Tests.Api;

public sealed class OperatorApiTests(CloudAssistServer server) : IClassFixture<CloudAssistServer>
{
    [Fact]
    public async Task OpenApiDocument_ListsTheOperatorAndAgentApis()
    {
        using var document = JsonDocument.Parse(await server.Api.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal("CloudAssist API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.Contains("/api/v1/invocations", paths);
        Assert.Contains("/api/v1/invocations/{id}/stop", paths);
        Assert.Contains("/api/v1/commands/{id}", paths);
        Assert.Contains("/api/agent/v1/poll", paths);
    }

    [Fact]
    public async Task ApiReference_ServedByTheApp()
    {
        // Scalar redirects /api-reference to /api-reference/, and HttpClient drops the token on a redirect.
        var response = await server.Api.GetAsync("/api-reference/");
        var script = await server.Api.GetAsync("/api-reference/scalar.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("CloudAssist API", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task CreateCommand_Invalid_ValidationProblemNamingEachField()
    {
        var response = await server.Api.PostAsJsonAsync("/api/v1/commands",
            new { name = "", commandType = "cobol", content = "", timeoutSeconds = 0, parameters = new[] { new { name = "1bad" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(["commandType", "content", "name", "parameters", "timeoutSeconds"], problem!.Errors.Keys.Order());
        Assert.Contains("shell, bash, python, powershell", problem.Errors["commandType"][0]);
    }

    [Fact]
    public async Task CreateInvocation_BadRolloutOptions_ValidationProblem()
    {
        var response = await server.Api.PostAsJsonAsync("/api/v1/invocations", new
        {
            content = "true",
            instanceIds = new[] { "i-unknown" },
            maxConcurrency = "150%",
            maxErrors = 0,
            runAs = "Bad User",
            environment = new Dictionary<string, string> { ["1X"] = "y" },
        });

        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["environment", "instanceIds", "maxConcurrency", "maxErrors", "runAs"], problem!.Errors.Keys.Order());
    }

    [Theory]
    [InlineData("GET", "/api/v1/invocations/inv-missing")]
    [InlineData("GET", "/api/v1/commands/cmd-missing")]
    [InlineData("POST", "/api/v1/invocations/inv-missing/stop")]
    [InlineData("DELETE", "/api/v1/instances/i-missing")]
    public async Task UnknownIds_NotFoundProblemSayingWhich(string method, string path)
    {
        var response = await server.Api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("missing", problem!.Detail);
    }

    [Fact]
    public async Task CreateInvocation_MalformedJson_BadRequestProblemWithoutInternals()
    {
        var response = await server.Api.PostAsync("/api/v1/invocations",
            new StringContent("{\"content\": \"true\", \"instanceIds\": [1,", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }
}
