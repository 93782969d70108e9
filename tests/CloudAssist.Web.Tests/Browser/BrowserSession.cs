using Microsoft.Playwright;

namespace CloudAssist.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright: no browser download, no background networking.
/// Screenshots go to <c>screenshots/</c> under the test output directory.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu", "--no-first-run"],
        });
    }

    /// <summary>
    /// A page in a fresh browser context, signed in as <paramref name="userName"/> unless that is null.
    /// </summary>
    public async Task<IPage> NewPageAsync(
        string baseUrl, int width = 1280, int height = 800, string? userName = "administrator")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        if (userName is not null)
        {
            await SignInAsync(page, userName);
        }

        return page;
    }

    /// <summary>Signs in through the sign-in form with the seeded password and waits for the overview.</summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", Infrastructure.CloudAssistServer.Password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForSelectorAsync("[data-testid=user-menu]");
    }

    /// <summary>
    /// Opens the console at <paramref name="path"/> as the administrator and waits until it is interactive:
    /// the one way into the console for tests, so signing in belongs here.
    /// </summary>
    /// <param name="baseUrl">The server's URL.</param>
    /// <param name="path">The console page to open.</param>
    /// <param name="prepare">Runs on the new page before anything is loaded (listeners, init scripts).</param>
    public async Task<IPage> OpenConsoleAsync(string baseUrl, string path = "/", Func<IPage, Task>? prepare = null)
    {
        var page = await NewPageAsync(baseUrl);
        if (prepare is not null)
        {
            await prepare(page);
        }

        await page.GotoInteractiveAsync(path);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
