using Bunit;
using CloudAssist.Console.Tests.Infrastructure;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Commands;
using CloudAssist.Web.Components.Pages.Commands;
using MudBlazor;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Console.Tests.Commands;

/// <summary>The command editor, opened from the Commands page as a person opens it.</summary>
public sealed class CommandDialogTests : ConsoleTestBase
{
    private const string ScriptHint =
        "Use {{name}} placeholders for parameters; each value arrives as one literal string.";

    private CommandRepository Commands => Context.Services.GetRequiredService<CommandRepository>();

    [Fact]
    public async Task Save_EmptyNameAndScript_ShowsMessagesBesideFieldsAndStoresNothing()
    {
        var page = RenderWithProviders<CommandsPage>();
        var sut = OpenEditor(page, "create-command");

        sut.ByTestId("save-command").Click();

        sut.WaitForAssertion(() =>
        {
            Assert.Equal("Give a name of 1 to 100 characters.", sut.HelperTextOf("command-name-input"));
            Assert.StartsWith("Give the script, at most", sut.HelperTextOf("command-content"));
        }, WaitTimeout);
        Assert.Single(sut.AllByTestId("command-dialog"));
        Assert.Empty(await Commands.ListAsync(null, 10, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Save_DuplicateName_ShowsAlreadyExistsAndStoresNothingNew()
    {
        await Seed.CommandAsync("uptime");
        var page = RenderWithProviders<CommandsPage>();
        var sut = OpenEditor(page, "create-command");

        sut.ByTestId("command-name-input").Change("uptime");
        sut.ByTestId("command-content").Input("uptime -p");
        sut.ByTestId("save-command").Click();

        sut.WaitForAssertion(
            () => Assert.Equal(
                "A command named 'uptime' already exists.", sut.HelperTextOf("command-name-input")),
            WaitTimeout);
        Assert.Equal(ScriptHint, sut.HelperTextOf("command-content"));
        Assert.Single(await Commands.ListAsync(null, 10, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Save_ValidCommand_StoresItAndPageListsIt()
    {
        var page = RenderWithProviders<CommandsPage>();
        var sut = OpenEditor(page, "create-command");

        sut.ByTestId("command-name-input").Change("disk-usage");
        sut.ByTestId("command-content").Input("df -h {{mount}}");
        sut.ByTestId("command-timeout").Change("90");
        sut.Button("Add placeholders from script").Click();
        sut.ByTestId("save-command").Click();

        page.WaitForAssertion(
            () => Assert.Equal(["disk-usage"], page.TextsByTestId("command-name")),
            WaitTimeout);
        Assert.Empty(sut.AllByTestId("command-dialog"));
        var stored = Assert.Single(await Commands.ListAsync(null, 10, 0, CancellationToken.None));
        Assert.Equal("df -h {{mount}}", stored.Content);
        Assert.Equal(90, stored.TimeoutSeconds);
        Assert.Equal("mount", Assert.Single(CommandParameter.Parse(stored.ParametersJson)).Name);
    }

    [Fact]
    public async Task Save_EditedCommand_UpdatesItInPlace()
    {
        var command = await Seed.CommandAsync("uptime", content: "uptime");
        var page = RenderWithProviders<CommandsPage>();
        page.WaitForAssertion(() => Assert.Single(page.AllByTestId("command-name")), WaitTimeout);
        var sut = OpenEditor(page, "edit-command");
        Assert.Equal("uptime", sut.ByTestId("command-name-input").GetAttribute("value"));

        sut.ByTestId("command-content").Input("uptime -p");
        sut.ByTestId("save-command").Click();

        sut.WaitForAssertion(() => Assert.Empty(sut.AllByTestId("command-dialog")), WaitTimeout);
        var stored = await Commands.GetAsync(command.Id, CancellationToken.None);
        Assert.Equal("uptime -p", stored?.Content);
        Assert.Single(await Commands.ListAsync(null, 10, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Save_ClonedCommand_StoresACopyBesideTheOriginal()
    {
        await Seed.CommandAsync("uptime", content: "uptime");
        var page = RenderWithProviders<CommandsPage>();
        page.WaitForAssertion(() => Assert.Single(page.AllByTestId("command-name")), WaitTimeout);
        var sut = OpenEditor(page, "clone-command");

        sut.ByTestId("save-command").Click();

        page.WaitForAssertion(
            () => Assert.Equal(["uptime", "uptime (copy)"], page.TextsByTestId("command-name")), WaitTimeout);
        var copies = await Commands.ListAsync("copy", 10, 0, CancellationToken.None);
        Assert.Equal(CommandTypes.Shell, Assert.Single(copies).CommandType);
    }

    /// <summary>Clicks the page's button and answers the dialog host once the editor shows.</summary>
    private IRenderedComponent<MudDialogProvider> OpenEditor(
        IRenderedComponent<CommandsPage> page,
        string buttonTestId)
    {
        page.WaitForAssertion(() => Assert.NotEmpty(page.AllByTestId(buttonTestId)), WaitTimeout);
        page.ByTestId(buttonTestId).Click();
        Dialogs.WaitForAssertion(() => Assert.Single(Dialogs.AllByTestId("command-dialog")), WaitTimeout);
        return Dialogs;
    }
}
