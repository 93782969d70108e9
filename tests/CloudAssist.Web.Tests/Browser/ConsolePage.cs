using Microsoft.Playwright;

namespace CloudAssist.Web.Tests.Browser;

/// <summary>Locators for the console's MudBlazor fields, which put test ids on wrappers or inputs.</summary>
public static class ConsolePage
{
    /// <summary>The input or textarea of the field with this test id.</summary>
    public static ILocator Field(this IPage page, string testId) => page.Locator(
        $"input[data-testid='{testId}'], textarea[data-testid='{testId}'], " +
        $"[data-testid='{testId}'] input, [data-testid='{testId}'] textarea").First;

    /// <summary>Waits until Blazor's interactive circuit is up, so clicks reach .NET handlers.</summary>
    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-layout') !== null");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png"),
            FullPage = true,
        });
}
