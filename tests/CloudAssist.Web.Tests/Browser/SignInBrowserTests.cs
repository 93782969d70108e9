using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CloudAssist.Web.Security;
using CloudAssist.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CloudAssist.Web.Tests.Browser;

/// <summary>
/// The first run in Debian's Chromium: no account exists, the set-up code makes the first administrator,
/// who creates an API token that a script then uses, and signs out.
/// </summary>
public sealed class SignInBrowserTests : IClassFixture<BrowserSession>, IDisposable
{
    private readonly BrowserSession _browser;
    private readonly CloudAssistServer _server = new(new Dictionary<string, string?>(), seedUsers: false);

    public SignInBrowserTests(BrowserSession browser)
    {
        _browser = browser;
        SetDefaultExpectTimeout(20_000);
    }

    [Fact]
    public async Task FirstRun_SetUpAdministrator_CreateToken_UseIt_SignOut()
    {
        var page = await _browser.NewPageAsync(_server.Url, userName: null);
        await page.GotoAsync("/commands");
        await Expect(page).ToHaveURLAsync(new Regex("/account/setup$"));
        await page.ScreenshotAsync("setup");

        var code = (await File.ReadAllTextAsync(Path.Combine(_server.DataDirectory, "setup-code"))).Trim();
        await page.FillAsync("#setupCode", code);
        await page.FillAsync("#userName", "first-admin");
        await page.FillAsync("#password", CloudAssistServer.Password);
        await page.FillAsync("#confirm", CloudAssistServer.Password);
        await page.ClickAsync("[data-testid=create-administrator]");
        await Expect(page.GetByTestId("user-menu")).ToBeVisibleAsync();

        await page.GotoInteractiveAsync("/tokens");
        await page.Field("token-name").FillAsync("browser test");
        await page.GetByTestId("create-token").ClickAsync();
        var token = (await page.GetByTestId("new-token").InnerTextAsync()).Trim();
        Assert.StartsWith(ApiTokenService.Prefix, token);
        await page.ScreenshotAsync("tokens");

        using var api = _server.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await api.GetFromJsonAsync<CurrentUserView>("/api/v1/me", CloudAssistServer.Json);
        Assert.Equal("first-admin", me!.UserName);

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login$"));
        await page.GotoAsync("/commands");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.ScreenshotAsync("sign-in");
    }

    public void Dispose() => _server.Dispose();
}
