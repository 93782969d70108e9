using AngleSharp.Dom;
using Bunit;
using CloudAssist.Console.Tests.Infrastructure;
using CloudAssist.Web.Components.Pages.Instances;

namespace CloudAssist.Console.Tests.Instances;

public sealed class InstancesPageTests : ConsoleTestBase
{
    [Fact]
    public void Render_NoInstances_ShowsEmptyState()
    {
        var sut = RenderWithProviders<InstancesPage>();

        sut.WaitForAssertion(
            () => Assert.Contains("No instances yet", sut.ByTestId("empty-state").TextContent),
            WaitTimeout);
    }

    [Theory]
    [InlineData(10, "Online")]
    [InlineData(60, "Online")]
    [InlineData(61, "Offline")]
    [InlineData(3600, "Offline")]
    public async Task Render_LastSeenVersusOfflineAfterSeconds_ShowsStatusChip(int secondsAgo, string expected)
    {
        await Seed.InstanceAsync("web-1", TimeSpan.FromSeconds(secondsAgo));

        var sut = RenderWithProviders<InstancesPage>();

        sut.WaitForAssertion(
            () => Assert.Equal(expected, ChipOf(sut.ByTestId("instance-status"))),
            WaitTimeout);
    }

    [Fact]
    public async Task Render_LongerOfflineAfterSeconds_KeepsInstanceOnline()
    {
        AgentApi.OfflineAfterSeconds = 300;
        await Seed.InstanceAsync("web-1", TimeSpan.FromSeconds(120));

        var sut = RenderWithProviders<InstancesPage>();

        sut.WaitForAssertion(
            () => Assert.Equal("Online", ChipOf(sut.ByTestId("instance-status"))),
            WaitTimeout);
    }

    [Fact]
    public async Task Render_Instance_SaysHowLongAgoItWasSeen()
    {
        await Seed.InstanceAsync("web-1", TimeSpan.FromSeconds(12));

        var sut = RenderWithProviders<InstancesPage>();

        sut.WaitForAssertion(
            () => Assert.Contains("last seen 12 s ago", sut.ByTestId("instance-status").TextContent),
            WaitTimeout);
    }

    [Fact]
    public async Task ClockTick_TimePasses_LastSeenAndStatusFollow()
    {
        await Seed.InstanceAsync("web-1", TimeSpan.FromSeconds(58));
        var sut = RenderWithProviders<InstancesPage>();
        sut.WaitForAssertion(
            () => Assert.Equal("Online", ChipOf(sut.ByTestId("instance-status"))),
            WaitTimeout);

        Clock.Advance(TimeSpan.FromSeconds(5));

        sut.WaitForAssertion(() =>
        {
            Assert.Equal("Offline", ChipOf(sut.ByTestId("instance-status")));
            Assert.Contains("last seen 1 min ago", sut.ByTestId("instance-status").TextContent);
        }, WaitTimeout);
    }

    [Theory]
    [InlineData("Online", "web-1")]
    [InlineData("Offline", "db-1")]
    public async Task StatusFilter_Chosen_ShowsOnlyInstancesInThatState(string status, string expected)
    {
        await Seed.InstanceAsync("web-1", TimeSpan.FromSeconds(5));
        await Seed.InstanceAsync("db-1", TimeSpan.FromMinutes(10));
        var sut = RenderWithProviders<InstancesPage>();
        sut.WaitForAssertion(() => Assert.Equal(2, sut.AllByTestId("instance-link").Count), WaitTimeout);

        sut.SelectItem<string, InstancesPage>(Popovers, "status-filter", status, WaitTimeout);

        sut.WaitForAssertion(() => Assert.Equal([expected], sut.TextsByTestId("instance-link")), WaitTimeout);
    }

    [Fact]
    public async Task TagFilter_Tag_ShowsOnlyInstancesWithThatTag()
    {
        await Seed.InstanceAsync("web-1", tags: ["web", "prod"]);
        await Seed.InstanceAsync("web-2", tags: ["web", "staging"]);
        await Seed.InstanceAsync("db-1", tags: ["db", "prod"]);
        var sut = RenderWithProviders<InstancesPage>();
        sut.WaitForAssertion(() => Assert.Equal(3, sut.AllByTestId("instance-link").Count), WaitTimeout);

        sut.SelectItem<string, InstancesPage>(Popovers, "tag-filter", "prod", WaitTimeout);

        sut.WaitForAssertion(
            () => Assert.Equal(["db-1", "web-1"], sut.TextsByTestId("instance-link")),
            WaitTimeout);
    }

    [Fact]
    public async Task Search_Hostname_ShowsOnlyMatchingInstances()
    {
        await Seed.InstanceAsync("web-1");
        await Seed.InstanceAsync("db-1");
        var sut = RenderWithProviders<InstancesPage>();
        sut.WaitForAssertion(() => Assert.Equal(2, sut.AllByTestId("instance-link").Count), WaitTimeout);

        sut.ByTestId("instance-search").Input("db-1.example");

        sut.WaitForAssertion(() => Assert.Equal(["db-1"], sut.TextsByTestId("instance-link")), WaitTimeout);
    }

    [Fact]
    public async Task InstanceChanged_NewInstanceRegistered_AppearsWithoutReload()
    {
        await Seed.InstanceAsync("web-1");
        var sut = RenderWithProviders<InstancesPage>();
        sut.WaitForAssertion(() => Assert.Single(sut.AllByTestId("instance-link")), WaitTimeout);

        var added = await Seed.InstanceAsync("web-2", publish: true);

        sut.WaitForAssertion(
            () => Assert.Equal(["web-1", "web-2"], sut.TextsByTestId("instance-link")),
            WaitTimeout);
        Assert.Equal($"/instances/{added.Id}", sut.AllByTestId("instance-link")[1].GetAttribute("href"));
    }

    private static string ChipOf(IElement statusCell) =>
        statusCell.QuerySelector(".mud-chip")!.TextContent.Trim();
}
