using System.Net;
using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.Security;

/// <summary>
/// The README's HTTPS set-up, followed to the letter: a PEM certificate under
/// <c>Kestrel:Endpoints:Https</c>, HSTS and the HTTPS redirect turned on, in a real server process.
/// </summary>
public sealed class HttpsTests : IDisposable
{
    private const string HostName = "console.example.test";
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudassist-tls-").FullName;

    [Fact]
    public async Task ConfiguredCertificate_HttpsCarriesHsts_PlainHttpIsRedirected_SessionCookieIsSecure()
    {
        using var certificate = TestCertificate.Create(HostName);
        var (certificatePath, keyPath) = TestCertificate.WritePem(certificate, _directory);
        await using var server = await ServerProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Kestrel__Endpoints__Https__Url"] = "https://127.0.0.1:0",
                ["Kestrel__Endpoints__Https__Certificate__Path"] = certificatePath,
                ["Kestrel__Endpoints__Https__Certificate__KeyPath"] = keyPath,
                ["Kestrel__Endpoints__Http__Url"] = "http://127.0.0.1:0",
                ["Security__Hsts"] = "true",
                ["Security__RedirectToHttps"] = "true",
            },
            endpoints: 2);
        var https = Assert.Single(server.Addresses, a => a.StartsWith("https://", StringComparison.Ordinal));
        var http = Assert.Single(server.Addresses, a => a.StartsWith("http://", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Addresses, a => a.EndsWith(":5080", StringComparison.Ordinal));

        using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var redirected = await plain.GetAsync(http + "/account/setup");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal(https + "/account/setup", redirected.Headers.Location!.ToString());
        Assert.False(redirected.Headers.Contains("Strict-Transport-Security"));

        using var browser = SessionClient.Anonymous(https, handler =>
            handler.ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
                presented?.Thumbprint == certificate.Thumbprint);
        browser.Http.DefaultRequestHeaders.Host = HostName;
        var setupPage = await browser.Http.GetAsync("/account/setup");
        Assert.Equal(HttpStatusCode.OK, setupPage.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(setupPage.Headers.GetValues("Strict-Transport-Security")));

        var code = (await File.ReadAllTextAsync(Path.Combine(server.DataDirectory, "setup-code"))).Trim();
        var setUp = await browser.PostFormAsync("/account/setup", "setup", new()
        {
            ["Input.SetupCode"] = code,
            ["Input.UserName"] = "tls-admin",
            ["Input.Password"] = CloudAssistServer.Password,
            ["Input.Confirm"] = CloudAssistServer.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, setUp.StatusCode);
        var session = Assert.Single(
            setUp.Headers.GetValues("Set-Cookie"),
            c => c.StartsWith("CloudAssist.Session=", StringComparison.Ordinal));
        var attributes = session.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
