using System.Text.RegularExpressions;
using CloudAssist.Data.Records;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudAssist.Web.Tests.Browser;

/// <summary>The console in Debian's Chromium against the real app and a real agent process.</summary>
public sealed class ConsoleBrowserTests : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private readonly BrowserSession _browser;
    private readonly CloudAssistServer _server = new(new Dictionary<string, string?>());
    private AgentProcess _agent = null!;

    public ConsoleBrowserTests(BrowserSession browser)
    {
        _browser = browser;
        SetDefaultExpectTimeout(20_000);
    }

    public async Task InitializeAsync() => _agent = await AgentProcess.StartAsync(_server, "browser-agent");

    public async Task DisposeAsync()
    {
        await _agent.DisposeAsync();
        _server.Dispose();
    }

    [Fact]
    public async Task CreateAndInvokeCommand_OutputAppearsWhileRunning_ThenSuccess()
    {
        var page = await _browser.NewPageAsync(_server.Url);
        await page.GotoInteractiveAsync("/commands");

        await page.GetByTestId("create-command").ClickAsync();
        await page.Field("command-name-input").FillAsync("Ticker");
        await page.Field("command-content").FillAsync("for i in $(seq 1 10); do echo tick $i; sleep 1; done");
        await page.GetByTestId("save-command").ClickAsync();
        await Expect(page.GetByTestId("command-name")).ToHaveTextAsync("Ticker");
        await page.ScreenshotAsync("commands");

        await page.GetByTestId("run-command").ClickAsync();
        await page.GetByTestId("invoke-instances").Locator("tbody tr").Filter(new() { HasText = "browser-agent" })
            .Locator("input[type=checkbox]").CheckAsync();
        await page.GetByTestId("invoke-run").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/invocations/inv-"));

        // Expand the row once it shows Running: the page re-renders at each status change, and a
        // click that lands on a row being replaced is not delivered.
        await Expect(page.GetByTestId("task-status").First).ToHaveTextAsync("Running");
        await page.GetByTestId("task-instance").First.ClickAsync();

        var output = page.GetByTestId("task-output");
        await Expect(output).ToContainTextAsync("tick 1");
        var whileRunning = await page.GetByTestId("task-status").First.InnerTextAsync();
        var outputThen = await output.InnerTextAsync();
        Assert.Equal("Running", whileRunning.Trim());
        Assert.DoesNotContain("tick 10", outputThen);

        await Expect(page.GetByTestId("task-status").First).ToHaveTextAsync("Success", new() { Timeout = 30_000 });
        await Expect(output).ToContainTextAsync("tick 10");
        await Expect(page.GetByTestId("invocation-status")).ToHaveTextAsync("Success");
        await Expect(page.GetByTestId("progress").First).ToHaveAttributeAsync("data-finished", "1");
        await Expect(page.GetByTestId("progress").First).ToContainTextAsync("1 / 1");
        await page.ScreenshotAsync("invocation-with-output");
    }

    [Fact]
    public async Task StopRunningSleep_TaskEndsTerminated_InvocationStopped()
    {
        var invocation = await _server.InvokeAsync("sleep 600", [_agent.InstanceId]);
        await Eventually.HoldsAsync(() => _server.GetInvocationAsync(invocation.Id),
            d => d.Tasks[0].Status == InvocationTaskStatus.Running, TimeSpan.FromSeconds(20), "the sleep to start");
        var page = await _browser.NewPageAsync(_server.Url);
        await page.GotoInteractiveAsync($"/invocations/{invocation.Id}");
        await Expect(page.GetByTestId("task-status").First).ToHaveTextAsync("Running");
        await Expect(page.GetByTestId("invocation-status")).ToHaveTextAsync("Running");

        await page.GetByTestId("stop-invocation").ClickAsync();

        await Expect(page.GetByTestId("task-status").First).ToHaveTextAsync("Terminated");
        await Expect(page.GetByTestId("invocation-status")).ToHaveTextAsync("Stopped");
        var stored = await _server.GetInvocationAsync(invocation.Id);
        Assert.Equal(InvocationTaskStatus.Terminated, stored.Tasks[0].Status);
    }

    [Fact]
    public async Task MainPages_RenderWithData_ScreenshotsSaved()
    {
        var invocation = await _server.InvokeAsync("echo from the screenshot test; exit 4", [_agent.InstanceId]);
        await _server.WaitForFinalAsync(invocation.Id, TimeSpan.FromSeconds(30));
        var page = await _browser.NewPageAsync(_server.Url);

        await page.GotoInteractiveAsync("/");
        await Expect(page.GetByTestId("online-count")).ToContainTextAsync("1");
        await Expect(page.GetByTestId("failures")).ToContainTextAsync("Ad hoc command");
        await page.ScreenshotAsync("overview");

        await page.GotoInteractiveAsync("/instances");
        await Expect(page.GetByTestId("instance-status").First).ToContainTextAsync("Online");
        await page.ScreenshotAsync("instances");

        await page.GotoInteractiveAsync("/invocations");
        await Expect(page.GetByTestId("records-table").Locator(".ca-status").First).ToHaveTextAsync("Failed");
        await page.ScreenshotAsync("execution-records");

        var narrow = await _browser.NewPageAsync(_server.Url, 390, 844);
        await narrow.GotoInteractiveAsync("/invocations");
        await Expect(narrow.GetByTestId("record-link").First).ToBeVisibleAsync();
        await narrow.ScreenshotAsync("execution-records-390px");

        foreach (var name in new[] { "overview", "instances", "execution-records" })
        {
            Assert.True(new FileInfo(Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png")).Length > 1000);
        }
    }
}
