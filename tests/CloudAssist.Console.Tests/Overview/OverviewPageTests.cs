using Bunit;
using CloudAssist.Console.Tests.Infrastructure;
using CloudAssist.Data.Records;
using CloudAssist.Web.Components.Pages;

namespace CloudAssist.Console.Tests.Overview;

public sealed class OverviewPageTests : ConsoleTestBase
{
    [Fact]
    public async Task Render_Fleet_CountsOnlineAndOfflineInstances()
    {
        await Seed.InstanceAsync("web-1", TimeSpan.FromSeconds(5));
        await Seed.InstanceAsync("web-2", TimeSpan.FromSeconds(60));
        await Seed.InstanceAsync("db-1", TimeSpan.FromMinutes(5));

        var sut = RenderWithProviders<OverviewPage>();

        sut.WaitForAssertion(() =>
        {
            Assert.Equal("2", CountIn(sut, "online-count"));
            Assert.Equal("1", CountIn(sut, "offline-count"));
        }, WaitTimeout);
    }

    [Fact]
    public async Task Render_InvocationsOfTheLastDay_CountsThemByStatus()
    {
        var early = await Seed.InstanceAsync("early-1");
        await Seed.FinishedInvocationAsync("old", [early], InvocationTaskStatus.Success);
        Clock.Advance(TimeSpan.FromHours(25));
        var web = await Seed.InstanceAsync("web-1");
        await Seed.FinishedInvocationAsync("a", [web], InvocationTaskStatus.Success);
        await Seed.FinishedInvocationAsync("b", [web], InvocationTaskStatus.Success);
        await Seed.FinishedInvocationAsync("c", [web], InvocationTaskStatus.Failed);
        await Seed.InvocationAsync("d", web);

        var sut = RenderWithProviders<OverviewPage>();

        sut.WaitForAssertion(() => Assert.Equal(
            new Dictionary<string, string> { ["Success"] = "2", ["Failed"] = "1", ["Pending"] = "1" },
            StatusCounts(sut)), WaitTimeout);
        var largest = sut.Find("[data-testid='status-chart'] [data-count] .ca-status");
        Assert.Equal("Success", largest.TextContent.Trim());
    }

    [Fact]
    public void Render_NothingRan_SaysSoAndListsNoFailures()
    {
        var sut = RenderWithProviders<OverviewPage>();

        sut.WaitForAssertion(
            () => Assert.Contains("Nothing ran in the last 24 hours.", sut.TextOf("status-chart")),
            WaitTimeout);
        Assert.Contains("No failures", sut.ByTestId("empty-state").TextContent);
        Assert.Empty(sut.AllByTestId("failures"));
    }

    [Fact]
    public async Task Render_FailedAndPartlyFailedInvocations_ListsThemNewestFirstWithLinks()
    {
        var web = await Seed.InstanceAsync("web-1");
        var db = await Seed.InstanceAsync("db-1");
        var failed = await Seed.FinishedInvocationAsync("restart-nginx", [web], InvocationTaskStatus.Failed);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Seed.FinishedInvocationAsync("uptime", [web], InvocationTaskStatus.Success);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var partial = await Seed.FinishedInvocationAsync(
            "disk-check", [web, db], InvocationTaskStatus.Success, InvocationTaskStatus.Timeout);

        var sut = RenderWithProviders<OverviewPage>();

        sut.WaitForAssertion(
            () => Assert.Equal(2, sut.FindAll("[data-testid='failures'] tbody tr").Count),
            WaitTimeout);
        var rows = sut.FindAll("[data-testid='failures'] tbody tr");
        Assert.Equal("disk-check", rows[0].QuerySelector("a")!.TextContent.Trim());
        Assert.Equal($"/invocations/{partial.Id}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("PartialFailed", rows[0].QuerySelector(".ca-status")!.TextContent.Trim());
        Assert.Equal("restart-nginx", rows[1].QuerySelector("a")!.TextContent.Trim());
        Assert.Equal($"/invocations/{failed.Id}", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Failed", rows[1].QuerySelector(".ca-status")!.TextContent.Trim());
    }

    [Fact]
    public async Task TaskStatusChanged_InvocationFails_CountsAndFailuresFollowLive()
    {
        var web = await Seed.InstanceAsync("web-1");
        var (_, tasks) = await Seed.InvocationAsync("restart-nginx", web);
        var sut = RenderWithProviders<OverviewPage>();
        sut.WaitForAssertion(
            () => Assert.Equal("1", StatusCounts(sut).GetValueOrDefault("Pending")),
            WaitTimeout);

        await Seed.StartAsync(tasks[0]);
        await Seed.FinishAsync(tasks[0], InvocationTaskStatus.Failed, exitCode: 1);
        PassRefreshInterval();

        sut.WaitForAssertion(() =>
        {
            Assert.Equal(new Dictionary<string, string> { ["Failed"] = "1" }, StatusCounts(sut));
            Assert.Single(sut.FindAll("[data-testid='failures'] tbody tr"));
        }, WaitTimeout);
    }

    [Fact]
    public async Task ClockTick_InstanceStopsPolling_MovesToOfflineCount()
    {
        await Seed.InstanceAsync("web-1", TimeSpan.FromSeconds(55));
        var sut = RenderWithProviders<OverviewPage>();
        sut.WaitForAssertion(() => Assert.Equal("1", CountIn(sut, "online-count")), WaitTimeout);

        Clock.Advance(TimeSpan.FromSeconds(10));
        PassRefreshInterval();

        sut.WaitForAssertion(() =>
        {
            Assert.Equal("0", CountIn(sut, "online-count"));
            Assert.Equal("1", CountIn(sut, "offline-count"));
        }, WaitTimeout);
    }

    private static string CountIn(IRenderedComponent<OverviewPage> page, string testId) =>
        page.ByTestId(testId).QuerySelector(".mud-typography-h4")!.TextContent.Trim();

    private static Dictionary<string, string> StatusCounts(IRenderedComponent<OverviewPage> page) =>
        page.FindAll("[data-testid='status-chart'] [data-count]").ToDictionary(
            e => e.GetAttribute("data-status")!,
            e => e.LastElementChild!.TextContent.Trim());
}
