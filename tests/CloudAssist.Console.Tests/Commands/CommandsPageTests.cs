using Bunit;
using CloudAssist.Console.Tests.Infrastructure;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Components.Pages.Commands;
using CloudAssist.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Console.Tests.Commands;

public sealed class CommandsPageTests : ConsoleTestBase
{
    private CommandRepository Commands => Context.Services.GetRequiredService<CommandRepository>();

    [Fact]
    public void Render_NoCommands_ShowsEmptyState()
    {
        var sut = RenderWithProviders<CommandsPage>();

        sut.WaitForAssertion(
            () => Assert.Contains("No commands yet", sut.ByTestId("empty-state").TextContent),
            WaitTimeout);
        Assert.Empty(sut.AllByTestId("commands-table"));
    }

    [Fact]
    public async Task Render_SavedCommands_ListsOneRowPerCommandByName()
    {
        await Seed.CommandAsync("uptime", description: "How long the machine has run");
        await Seed.CommandAsync("disk-usage", description: "df -h");

        var sut = RenderWithProviders<CommandsPage>();

        sut.WaitForAssertion(
            () => Assert.Equal(["disk-usage", "uptime"], sut.TextsByTestId("command-name")),
            WaitTimeout);
        Assert.Contains("How long the machine has run", sut.ByTestId("commands-table").TextContent);
        Assert.Empty(sut.AllByTestId("empty-state"));
    }

    [Fact]
    public async Task Search_TextInNameOrDescription_ShowsOnlyMatchingRows()
    {
        await Seed.CommandAsync("disk-usage", description: "df -h");
        await Seed.CommandAsync("cleanup", description: "Frees DISK space");
        await Seed.CommandAsync("uptime", description: "load average");
        var sut = RenderWithProviders<CommandsPage>();
        sut.WaitForAssertion(() => Assert.Equal(3, sut.AllByTestId("command-name").Count), WaitTimeout);

        sut.ByTestId("command-search").Input("disk");

        sut.WaitForAssertion(
            () => Assert.Equal(["cleanup", "disk-usage"], sut.TextsByTestId("command-name")),
            WaitTimeout);
    }

    [Fact]
    public async Task Search_NoMatch_SaysSo()
    {
        await Seed.CommandAsync("uptime");
        var sut = RenderWithProviders<CommandsPage>();
        sut.WaitForAssertion(() => Assert.Single(sut.AllByTestId("command-name")), WaitTimeout);

        sut.ByTestId("command-search").Input("reboot");

        sut.WaitForAssertion(() => Assert.Empty(sut.AllByTestId("command-name")), WaitTimeout);
        Assert.Contains("No command matches “reboot”", sut.ByTestId("commands-table").TextContent);
    }

    [Fact]
    public async Task CommandsChanged_CommandSavedElsewhere_AppearsWithoutReload()
    {
        await Seed.CommandAsync("uptime");
        var sut = RenderWithProviders<CommandsPage>();
        sut.WaitForAssertion(() => Assert.Single(sut.AllByTestId("command-name")), WaitTimeout);

        await Seed.CommandAsync("df");
        Context.Services.GetRequiredService<ConsoleNotifier>().Publish(new CommandsChanged());

        sut.WaitForAssertion(
            () => Assert.Equal(["df", "uptime"], sut.TextsByTestId("command-name")),
            WaitTimeout);
    }

    [Fact]
    public async Task Delete_Confirmed_DeletesCommandAndRow()
    {
        var command = await Seed.CommandAsync("uptime");
        await Seed.CommandAsync("df");
        var sut = RenderWithProviders<CommandsPage>();
        sut.WaitForAssertion(() => Assert.Equal(2, sut.AllByTestId("command-name").Count), WaitTimeout);

        sut.AllByTestId("delete-command")[1].Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Delete “uptime”?", Dialogs.Markup), WaitTimeout);
        Dialogs.Button("Delete").Click();

        sut.WaitForAssertion(() => Assert.Equal(["df"], sut.TextsByTestId("command-name")), WaitTimeout);
        var stored = await Commands.GetAsync(command.Id, CancellationToken.None);
        Assert.Null(stored);
    }

    [Fact]
    public async Task Delete_Cancelled_KeepsCommand()
    {
        var command = await Seed.CommandAsync("uptime");
        var sut = RenderWithProviders<CommandsPage>();
        sut.WaitForAssertion(() => Assert.Single(sut.AllByTestId("command-name")), WaitTimeout);

        sut.ByTestId("delete-command").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Delete “uptime”?", Dialogs.Markup), WaitTimeout);
        Dialogs.Button("Cancel").Click();

        Dialogs.WaitForAssertion(
            () => Assert.DoesNotContain("Delete “uptime”?", Dialogs.Markup),
            WaitTimeout);
        var stored = await Commands.GetAsync(command.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(["uptime"], sut.TextsByTestId("command-name"));
    }
}
