using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudAssist.Contracts;
using CloudAssist.Data.Records;
using CloudAssist.Web.Files;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CloudAssist.Web.Tests.Api;

/// <summary>POST /api/v1/files and what an agent's poll then carries, against a hand-driven agent.</summary>
public sealed class FileApiTests(CloudAssistServer server) : IClassFixture<CloudAssistServer>
{
    [Fact]
    public async Task SendFile_OneByteOverTenMiB_ValidationProblemNamingTheLimit()
    {
        var agent = await RawAgent.RegisterAsync(server, "files-limit");

        var response = await server.PostFileAsync(Request(new byte[FileLimits.MaxFileBytes + 1], agent.InstanceId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(["contentBase64"], problem!.Errors.Keys);
        Assert.Contains("limited to 10 MiB", problem.Errors["contentBase64"][0]);
    }

    [Fact]
    public async Task SendFile_BodyOverSixteenMiB_TooLargeProblemNamingTheLimit()
    {
        // As curl does with a large body: the server refuses on Content-Length before any is sent.
        var tooBig = Request(new byte[12 * 1024 * 1024 + 512 * 1024], "i-any");
        var body = JsonSerializer.SerializeToUtf8Bytes(tooBig, CloudAssistServer.Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/files")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.ExpectContinue = true;

        var response = await server.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("limited to 10 MiB", problem!.Detail);
    }

    [Fact]
    public async Task SendFile_InvalidFields_ValidationProblemNamingEachField()
    {
        var response = await server.PostFileAsync(new SendFileRequest
        {
            FileName = "../escape",
            ContentBase64 = "not base64!",
            TargetDirectory = "relative/dir",
            Owner = "Bad User",
            Group = "",
            Mode = "999",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(
            ["contentBase64", "fileName", "group", "instanceIds", "mode", "owner", "targetDirectory"],
            problem!.Errors.Keys.Order());
    }

    [Fact]
    public async Task SendFile_ValidRequest_InvocationOfTypeFileAndThePollCarriesTheFile()
    {
        var agent = await RawAgent.RegisterAsync(server, "files-poll");
        var content = "#!/bin/sh\necho hi\n"u8.ToArray();
        var request = Request(content, agent.InstanceId) with { Owner = "root", Mode = "755", Overwrite = true };

        var invocation = await server.SendFileAsync(request);
        var poll = await agent.PollAsync();
        var details = await server.Api.GetFromJsonAsync<FileTransferRecord>(
            $"/api/v1/files/{invocation.Id}", CloudAssistServer.Json);

        Assert.Equal(CommandTypes.File, invocation.CommandType);
        Assert.Equal("Send file tool.sh", invocation.CommandName);
        var file = Assert.Single(poll.Tasks).File!;
        Assert.Equal(("tool.sh", "/opt/tools", "root", (string?)null, "0755", true),
            (file.FileName, file.TargetDirectory, file.Owner, file.Group, file.Mode, file.Overwrite));
        Assert.Equal(content, file.Content);
        Assert.Equal("/opt/tools/tool.sh", details!.Path);
        Assert.Equal(content.Length, details.SizeBytes);
        Assert.Equal(64, details.Sha256.Length);
    }

    [Fact]
    public async Task GetFile_ScriptInvocation_NotFoundProblem()
    {
        var response = await server.Api.GetAsync("/api/v1/files/inv-missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("inv-missing", problem!.Detail);
    }

    [Fact]
    public async Task CreateInvocation_CommandTypeFile_RefusedAsAScriptType()
    {
        var response = await server.Api.PostAsJsonAsync("/api/v1/invocations",
            new { content = "x", commandType = "file", instanceIds = new[] { "i-any" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("commandType", problem!.Errors.Keys);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheFileApi()
    {
        using var document = JsonDocument.Parse(await server.Api.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/files", paths);
        Assert.Contains("/api/v1/files/{invocationId}", paths);
    }

    private static SendFileRequest Request(byte[] content, string instanceId) => new()
    {
        FileName = "tool.sh",
        ContentBase64 = Convert.ToBase64String(content),
        TargetDirectory = "/opt/tools",
        InstanceIds = [instanceId],
    };
}
