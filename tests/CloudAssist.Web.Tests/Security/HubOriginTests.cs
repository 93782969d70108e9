using System.Net;
using System.Net.WebSockets;
using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.Security;

/// <summary>The console's SignalR hub refuses other sites' origins, on negotiate and on the WebSocket.</summary>
public sealed class HubOriginTests : IDisposable
{
    private const string Negotiate = "/_blazor/negotiate?negotiateVersion=1";
    private readonly CloudAssistServer _server = new(new Dictionary<string, string?>
    {
        ["Security:AllowedOrigins:0"] = "https://console.example.com:443/",
    });

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Negotiate_ForeignOrigin_ForbiddenProblem()
    {
        var response = await NegotiateAsync("http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Origin not allowed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("http://127.0.0.1.evil.example")]
    public async Task Negotiate_OpaqueOrLookalikeOrigin_Forbidden(string origin)
    {
        var response = await NegotiateAsync(origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_OwnOrigin_Ok()
    {
        var response = await NegotiateAsync(_server.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_ConfiguredOrigin_Ok()
    {
        var response = await NegotiateAsync("https://CONSOLE.example.com:443");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_NoOrigin_Ok()
    {
        var response = await NegotiateAsync(null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WebSocket_ForeignOrigin_Refused()
    {
        using var sut = new ClientWebSocket();
        sut.Options.CollectHttpResponseDetails = true;
        sut.Options.SetRequestHeader("Origin", "http://evil.example");
        var url = new Uri(_server.Url.Replace("http://", "ws://", StringComparison.Ordinal) + "/_blazor?id=anything");

        await Assert.ThrowsAsync<WebSocketException>(() => sut.ConnectAsync(url, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, sut.HttpStatusCode);
    }

    [Theory]
    [InlineData("https://console.example.com/console")]
    [InlineData("console.example.com")]
    public void Start_AllowedOriginNotAnOrigin_Refused(string origin)
    {
        var settings = new Dictionary<string, string?> { ["Security:AllowedOrigins:0"] = origin };

        var error = Assert.ThrowsAny<Exception>(() => new CloudAssistServer(settings).Dispose());

        Assert.Contains("Security:AllowedOrigins", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> NegotiateAsync(string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Negotiate);
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        return await _server.Api.SendAsync(request);
    }
}
