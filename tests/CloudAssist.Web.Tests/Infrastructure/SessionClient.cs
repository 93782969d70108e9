using System.Net;
using System.Text.RegularExpressions;

namespace CloudAssist.Web.Tests.Infrastructure;

/// <summary>
/// A browser-like HTTP client with a cookie jar that does not follow redirects: signs in through the
/// real sign-in form (antiforgery token included) so tests can see what a session may reach.
/// </summary>
public sealed partial class SessionClient : IDisposable
{
    private readonly HttpClient _http;

    private SessionClient(string baseUrl, Action<HttpClientHandler>? configure = null)
    {
        Cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false };
        configure?.Invoke(handler);
        _http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    /// <summary>A client with no session.</summary>
    public static SessionClient Anonymous(CloudAssistServer server) => new(server.Url);

    /// <summary>A client with no session for any URL, its handler set up by <paramref name="configure"/>.</summary>
    public static SessionClient Anonymous(string baseUrl, Action<HttpClientHandler> configure) =>
        new(baseUrl, configure);

    /// <summary>A client signed in as <paramref name="userName"/> with the seeded password.</summary>
    public static async Task<SessionClient> SignInAsync(CloudAssistServer server, string userName)
    {
        var client = new SessionClient(server.Url);
        var response = await client.PostFormAsync("/account/login", "sign-in", new()
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = CloudAssistServer.Password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>The antiforgery token of the form a page renders.</summary>
    public async Task<string> AntiforgeryTokenAsync(string path)
    {
        var html = await _http.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{path} rendered no antiforgery token.");
    }

    /// <summary>Posts a Blazor form the way the browser does: its fields, its name and its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        string path,
        string formName,
        Dictionary<string, string> fields)
    {
        var token = await AntiforgeryTokenAsync(path);
        var all = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = token,
        };
        return await _http.PostAsync(path, new FormUrlEncodedContent(all));
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
