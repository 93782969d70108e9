using System.Net;
using System.Net.Http.Json;
using CloudAssist.Contracts;
using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.Security;

/// <summary>
/// X-Forwarded-For is believed only from a proxy named in Security:KnownProxies: then an activation
/// code's allowed ranges see the client behind the proxy; otherwise the header changes nothing.
/// </summary>
public sealed class KnownProxyTests
{
    [Fact]
    public async Task Register_ForwardedByAKnownProxy_RangeSeesTheClient()
    {
        using var server = new CloudAssistServer(
            new Dictionary<string, string?> { ["Security:KnownProxies:0"] = "127.0.0.1" });
        var code = await server.CreateActivationCodeAsync(1, "10.0.0.0/8");

        var response = await RegisterForwardedAsync(server, code, "10.9.8.7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Register_ForwardedHeaderWithoutKnownProxies_Ignored()
    {
        using var server = new CloudAssistServer(new Dictionary<string, string?>());
        var code = await server.CreateActivationCodeAsync(1, "10.0.0.0/8");

        var response = await RegisterForwardedAsync(server, code, "10.9.8.7");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("127.0.0.1 is outside", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Start_KnownProxyNotAnAddress_RefusedNamingTheSetting()
    {
        var settings = new Dictionary<string, string?> { ["Security:KnownProxies:0"] = "proxy.example" };

        var error = Assert.ThrowsAny<Exception>(() => new CloudAssistServer(settings).Dispose());

        Assert.Contains("Security:KnownProxies", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> RegisterForwardedAsync(
        CloudAssistServer server, string code, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AgentRoutes.Register)
        {
            Content = JsonContent.Create(RawAgent.Registration(code), options: CloudAssistServer.Json),
        };
        request.Headers.Add("X-Forwarded-For", client);
        return await server.Api.SendAsync(request);
    }
}
