using System.Net.Http.Json;
using CloudAssist.Data.Records;
using CloudAssist.Web.Files;

namespace CloudAssist.Web.Tests.Infrastructure;

/// <summary>Operator API calls for sending files.</summary>
public static class FileApi
{
    public static Task<HttpResponseMessage> PostFileAsync(this CloudAssistServer server, SendFileRequest request) =>
        server.Api.PostAsJsonAsync("/api/v1/files", request, CloudAssistServer.Json);

    public static async Task<InvocationRecord> SendFileAsync(this CloudAssistServer server, SendFileRequest request)
    {
        var response = await server.PostFileAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"File refused: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<InvocationRecord>(body, CloudAssistServer.Json)!;
    }
}
