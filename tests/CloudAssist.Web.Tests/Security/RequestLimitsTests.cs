using System.Net;
using CloudAssist.Web.Hosting;
using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.Security;

/// <summary>Kestrel's limits on headers and the request line hold at the documented sizes.</summary>
public sealed class RequestLimitsTests : IDisposable
{
    private readonly CloudAssistServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Get_HeadersOverTheLimit_RequestHeaderFieldsTooLarge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/instances");
        request.Headers.Add("X-Padding", new string('a', RequestLimits.MaxHeadersTotalBytes + 1));

        var response = await _server.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Get_RequestLineOverTheLimit_UriTooLong()
    {
        var query = new string('a', RequestLimits.MaxRequestLineBytes);

        var response = await _server.Api.GetAsync($"/api/v1/instances?padding={query}");

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithinTheLimits_Ok()
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get, "/api/v1/instances?padding=" + new string('a', 4096));
        request.Headers.Add("X-Padding", new string('a', 16 * 1024));

        var response = await _server.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
