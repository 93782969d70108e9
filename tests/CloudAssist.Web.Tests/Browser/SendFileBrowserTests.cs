using System.Text.RegularExpressions;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudAssist.Web.Tests.Browser;

/// <summary>The send-file dialog and the file's execution record, in Chromium against a real agent.</summary>
public sealed class SendFileBrowserTests : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private readonly BrowserSession _browser;
    private readonly CloudAssistServer _server = new(new Dictionary<string, string?>());
    private readonly string _directory = Directory.CreateTempSubdirectory("ca-sendfile-ui-").FullName;
    private AgentProcess _agent = null!;

    public SendFileBrowserTests(BrowserSession browser)
    {
        _browser = browser;
        SetDefaultExpectTimeout(20_000);
    }

    public async Task InitializeAsync() => _agent = await AgentProcess.StartAsync(_server, "ui-files-agent");

    public async Task DisposeAsync()
    {
        await _agent.DisposeAsync();
        _server.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task SendFileDialog_ChosenFile_WrittenAndShownOnItsExecutionRecord()
    {
        var page = await _browser.NewPageAsync(_server.Url);
        await page.GotoInteractiveAsync("/invocations");

        await page.GetByTestId("send-file").ClickAsync();
        var dialog = page.GetByTestId("send-file-dialog");
        await page.Field("send-file-directory").FillAsync(_directory);
        await page.Field("send-file-mode").FillAsync("0600");
        await dialog.Locator("tbody tr").Filter(new() { HasText = "ui-files-agent" })
            .Locator("input[type=checkbox]").CheckAsync();

        // Choose the file last: the file input's script hooks up after the dialog's first render,
        // and by the time the instances have loaded and been picked it certainly has.
        await dialog.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "hello.txt",
            MimeType = "text/plain",
            Buffer = "hello from the console\n"u8.ToArray(),
        });
        await Expect(page.GetByTestId("send-file-chosen")).ToContainTextAsync("23 bytes");
        await page.ScreenshotAsync("send-file-dialog");
        await page.GetByTestId("send-file-send").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/invocations/inv-"));
        var path = Path.Combine(_directory, "hello.txt");
        await Expect(page.GetByTestId("file-summary")).ToHaveTextAsync($"File: {path} (23 bytes, mode 0600)");
        await Expect(page.GetByTestId("task-status").First).ToHaveTextAsync("Success");
        await page.GetByTestId("task-instance").First.ClickAsync();
        await Expect(page.GetByTestId("task-output")).ToContainTextAsync($"wrote {path} (23 bytes, mode 0600)");
        await Expect(page.GetByTestId("run-again")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("send-file-record");
        Assert.Equal("hello from the console\n", await File.ReadAllTextAsync(path));
    }
}
