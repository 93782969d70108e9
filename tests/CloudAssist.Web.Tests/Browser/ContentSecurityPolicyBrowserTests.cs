using CloudAssist.Web.Hosting;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudAssist.Web.Tests.Browser;

/// <summary>Every console page works in Chromium under the Content-Security-Policy the server sends.</summary>
public sealed class ContentSecurityPolicyBrowserTests : IClassFixture<BrowserSession>, IDisposable
{
    // Records every violation the browser reports, before any of the page's own scripts run.
    private const string ViolationRecorder = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI));
        """;

    private readonly BrowserSession _browser;
    private readonly CloudAssistServer _server = new();

    public ContentSecurityPolicyBrowserTests(BrowserSession browser)
    {
        _browser = browser;
        SetDefaultExpectTimeout(20_000);
    }

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/commands")]
    [InlineData("/instances")]
    [InlineData("/invocations")]
    [InlineData("/schedules")]
    public async Task NavPage_UnderThePolicy_NoViolationsAndInteractive(string path)
    {
        var (page, errors) = await OpenRecordingAsync(path);
        var toggle = page.GetByTestId("theme-toggle");
        var icon = await toggle.InnerHTMLAsync();

        await toggle.ClickAsync();

        await page.WaitForFunctionAsync(
            "before => document.querySelector('[data-testid=theme-toggle]').innerHTML !== before", icon);
        await AssertNoViolationsAsync(page, errors);
    }

    [Fact]
    public async Task CommandsPage_UnderThePolicy_DialogOpens()
    {
        var (page, errors) = await OpenRecordingAsync("/commands");

        await page.GetByTestId("create-command").ClickAsync();

        await Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
        await page.Field("command-name-input").FillAsync("Under the policy");
        await AssertNoViolationsAsync(page, errors);
    }

    [Fact]
    public async Task SchedulesPage_UnderThePolicy_EditorLoadsItsModule()
    {
        var (page, errors) = await OpenRecordingAsync("/schedules");
        var module = page.WaitForResponseAsync(
            r => r.Url.EndsWith("ScheduleEditor.razor.js", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = "New schedule" }).ClickAsync();

        Assert.True((await module).Ok);
        await Expect(page.GetByTestId("schedule-preview")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, errors);
    }

    [Fact]
    public async Task ApiReference_UnderItsPolicy_RendersTheDocument()
    {
        var page = await _browser.NewPageAsync(_server.Url);
        var errors = RecordConsoleErrors(page);
        await page.AddInitScriptAsync(ViolationRecorder);

        var response = await page.GotoAsync(SecurityHeaders.ApiReferencePath);

        var policy = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("'nonce-", policy, StringComparison.Ordinal);
        await Expect(page.GetByText("CloudAssist API").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AssertNoViolationsAsync(page, errors);
    }

    private async Task<(IPage Page, List<string> Errors)> OpenRecordingAsync(string path)
    {
        var errors = new List<string>();
        var page = await _browser.OpenConsoleAsync(_server.Url, path, p =>
        {
            errors = RecordConsoleErrors(p);
            return p.AddInitScriptAsync(ViolationRecorder);
        });
        return (page, errors);
    }

    private static List<string> RecordConsoleErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };
        return errors;
    }

    private static async Task AssertNoViolationsAsync(IPage page, List<string> errors)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.Empty(violations);
        lock (errors)
        {
            Assert.DoesNotContain(
                errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        }
    }
}
