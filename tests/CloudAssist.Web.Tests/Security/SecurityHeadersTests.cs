using CloudAssist.Web.Hosting;
using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.Security;

/// <summary>The security headers on pages, API answers and errors alike.</summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private readonly CloudAssistServer _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/instances")]
    [InlineData("/api/v1/invocations/inv-missing")]
    [InlineData("/no-such-page")]
    public async Task Get_AnyPath_CarriesSecurityHeaders(string path)
    {
        var response = await _server.Api.GetAsync(path);

        Assert.Equal(SecurityHeaders.ConsolePolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Get_ApiReference_CarriesItsOwnPolicy()
    {
        // Scalar redirects to the path with a slash, and HttpClient drops the token on a redirect.
        var response = await _server.Api.GetAsync(SecurityHeaders.ApiReferencePath + "/");

        response.EnsureSuccessStatusCode();
        var policy = Header(response, "Content-Security-Policy");
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.True(nonce.Length >= 16, policy);
        Assert.Equal(SecurityHeaders.ApiReferencePolicy(nonce), policy);
        Assert.Contains($"nonce=\"{nonce}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Hsts_OnButPlainHttp_NotSent()
    {
        using var server = new CloudAssistServer(new Dictionary<string, string?> { ["Security:Hsts"] = "true" });

        var response = await server.Api.GetAsync("/api/v1/instances");

        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : "";
}
