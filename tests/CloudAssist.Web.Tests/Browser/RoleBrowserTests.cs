using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CloudAssist.Web.Tests.Browser;

/// <summary>Roles in Debian's Chromium: what a viewer and an operator see, and where they are turned away.</summary>
public sealed class RoleBrowserTests : IClassFixture<BrowserSession>, IDisposable
{
    private readonly BrowserSession _browser;
    private readonly CloudAssistServer _server = new(new Dictionary<string, string?>());

    public RoleBrowserTests(BrowserSession browser)
    {
        _browser = browser;
        SetDefaultExpectTimeout(20_000);
    }

    [Fact]
    public async Task Viewer_SeesNoActionsAndNoAdministration_AndIsDeniedTheUsersPage()
    {
        (await _server.Api.PostAsJsonAsync("/api/v1/commands", new { name = "uptime", content = "uptime" }))
            .EnsureSuccessStatusCode();
        var page = await _browser.NewPageAsync(_server.Url, userName: "viewer");

        await page.GotoInteractiveAsync("/commands");
        await Expect(page.GetByTestId("command-name")).ToHaveTextAsync("uptime");
        await Expect(page.GetByTestId("create-command")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("run-command")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Administration")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("viewer-commands");

        await page.GotoAsync("/users");
        await Expect(page).ToHaveURLAsync(new Regex("/account/denied"));
        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Operator_SeesActions_ButNoAdministration()
    {
        var page = await _browser.NewPageAsync(_server.Url, userName: "operator");

        await page.GotoInteractiveAsync("/commands");

        await Expect(page.GetByTestId("create-command")).ToBeVisibleAsync();
        await Expect(page.GetByText("Administration")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ConsoleAction_IsAuditedWithItsUserAndTheAddressTheConsoleWasOpenedFrom()
    {
        var page = await _browser.NewPageAsync(_server.Url, userName: "operator");
        await page.GotoInteractiveAsync("/commands");
        await page.GetByTestId("create-command").ClickAsync();
        await page.Field("command-name-input").FillAsync("audited-in-console");
        await page.Field("command-content").FillAsync("hostname");
        await page.GetByTestId("save-command").ClickAsync();
        await Expect(page.GetByTestId("command-name")).ToHaveTextAsync("audited-in-console");

        var log = await _server.Api.GetFromJsonAsync<AuditPage>("/api/v1/audit?action=command.created&limit=50",
            CloudAssistServer.Json);
        var entry = Assert.Single(log!.Items, e => e.Summary.Contains("audited-in-console", StringComparison.Ordinal));
        Assert.Equal(("operator", "127.0.0.1"), (entry.Actor, entry.SourceAddress));

        var admin = await _browser.NewPageAsync(_server.Url);
        await admin.GotoInteractiveAsync("/audit");
        var row = admin.GetByTestId("audit-table").Locator("tbody tr").Filter(new() { HasText = "audited-in-console" });
        await Expect(row.GetByTestId("audit-address")).ToHaveTextAsync("127.0.0.1");
    }

    public void Dispose() => _server.Dispose();
}
