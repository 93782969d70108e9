using Bunit;
using CloudAssist.Console.Tests.Infrastructure;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Commands;
using CloudAssist.Web.Components.Pages.Commands;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CloudAssist.Console.Tests.Invocations;

/// <summary>The run dialog, opened from the Commands page's run buttons as a person opens it.</summary>
public sealed class InvokeDialogTests : ConsoleTestBase
{
    private InvocationRepository Invocations => Context.Services.GetRequiredService<InvocationRepository>();

    [Fact]
    public async Task Run_NoInstanceSelected_ShowsInstancesErrorAndCreatesNothing()
    {
        await Seed.CommandAsync("uptime");
        await Seed.InstanceAsync("web-1");
        var sut = OpenRunDialog("run-command");

        sut.ByTestId("invoke-run").Click();

        sut.WaitForAssertion(
            () => Assert.StartsWith("Choose from 1 to 1000 instances", sut.TextOf("instances-error")),
            WaitTimeout);
        Assert.Single(sut.AllByTestId("invoke-dialog"));
        Assert.Empty(await Invocations.ListAsync(null, 10, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Run_InstanceSelected_CreatesInvocationAndOpensItsRecord()
    {
        var command = await Seed.CommandAsync("uptime", content: "uptime -p");
        await Seed.InstanceAsync("db-1");
        var web = await Seed.InstanceAsync("web-1");
        var sut = OpenRunDialog("run-command");

        SelectInstance("web-1");
        sut.ByTestId("invoke-run").Click();

        sut.WaitForAssertion(() => Assert.Empty(sut.AllByTestId("invoke-dialog")), WaitTimeout);
        var invocation = Assert.Single(await Invocations.ListAsync(null, 10, 0, CancellationToken.None));
        Assert.Equal(command.Id, invocation.CommandId);
        Assert.Equal("uptime -p", invocation.Content);
        Assert.Equal("operator", invocation.CreatedBy);
        var task = Assert.Single(await Invocations.ListTasksAsync(invocation.Id, CancellationToken.None));
        Assert.Equal(web.Id, task.InstanceId);
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith($"/invocations/{invocation.Id}", navigation.Uri);
    }

    [Fact]
    public async Task Open_CommandWithPlaceholders_ShowsAFieldPerParameterWithItsDefault()
    {
        await Seed.CommandAsync(
            "ping",
            content: "ping -c {{count}} {{host}}",
            parameters: [new CommandParameter("count", "3", "How many pings")]);

        var sut = OpenRunDialog("run-command");

        Assert.Equal("3", sut.ByTestId("parameter-count").GetAttribute("value"));
        Assert.Equal("How many pings", sut.HelperTextOf("parameter-count"));
        Assert.Equal("", sut.ByTestId("parameter-host").GetAttribute("value"));
    }

    [Fact]
    public async Task Run_ParameterValuesGiven_StoresTheScriptWithQuotedValues()
    {
        await Seed.CommandAsync(
            "ping",
            content: "ping -c {{count}} {{host}}",
            parameters: [new CommandParameter("count", "3", null)]);
        await Seed.InstanceAsync("web-1");
        var sut = OpenRunDialog("run-command");

        sut.ByTestId("parameter-host").Change("example.org; reboot");
        SelectInstance("web-1");
        sut.ByTestId("invoke-run").Click();

        sut.WaitForAssertion(() => Assert.Empty(sut.AllByTestId("invoke-dialog")), WaitTimeout);
        var invocation = Assert.Single(await Invocations.ListAsync(null, 10, 0, CancellationToken.None));
        Assert.Equal("ping -c '3' 'example.org; reboot'", invocation.Content);
    }

    [Fact]
    public void Open_AdHocContentWithPlaceholders_ShowsAFieldPerPlaceholder()
    {
        var sut = OpenRunDialog("run-ad-hoc");

        sut.ByTestId("invoke-content").Input("ls {{dir}}");

        sut.WaitForAssertion(() => Assert.Single(sut.AllByTestId("parameter-dir")), WaitTimeout);
    }

    [Fact]
    public async Task Select_OfflineInstance_ShowsOfflineWarning()
    {
        await Seed.CommandAsync("uptime");
        await Seed.InstanceAsync("web-1", TimeSpan.FromSeconds(5));
        await Seed.InstanceAsync("db-1", TimeSpan.FromMinutes(10));
        var sut = OpenRunDialog("run-command");

        SelectInstance("db-1");

        sut.WaitForAssertion(
            () => Assert.Contains("Offline instances get their task", sut.TextOf("offline-warning")),
            WaitTimeout);
    }

    [Fact]
    public async Task Select_OnlineInstanceOnly_ShowsNoOfflineWarning()
    {
        await Seed.CommandAsync("uptime");
        await Seed.InstanceAsync("web-1", TimeSpan.FromSeconds(5));
        await Seed.InstanceAsync("db-1", TimeSpan.FromMinutes(10));
        var sut = OpenRunDialog("run-command");

        SelectInstance("web-1");

        sut.WaitForAssertion(
            () => Assert.Contains("Instances (1 selected)", sut.Markup),
            WaitTimeout);
        Assert.Empty(sut.AllByTestId("offline-warning"));
    }

    /// <summary>Clicks the Commands page's button and answers the dialog host once its instances loaded.</summary>
    private IRenderedComponent<MudDialogProvider> OpenRunDialog(string buttonTestId)
    {
        var page = RenderWithProviders<CommandsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.AllByTestId(buttonTestId)), WaitTimeout);

        page.ByTestId(buttonTestId).Click();

        Dialogs.WaitForAssertion(() =>
        {
            Assert.Single(Dialogs.AllByTestId("invoke-dialog"));
            Assert.Empty(Dialogs.FindAll("[data-testid='invoke-dialog'] .mud-progress-linear"));
        }, WaitTimeout);
        return Dialogs;
    }

    private void SelectInstance(string name)
    {
        var row = Dialogs.FindAll("[data-testid='invoke-instances'] tbody tr")
            .Single(r => r.QuerySelector("[data-testid='invoke-instance-name']")?.TextContent.Trim() == name);
        row.QuerySelector("input.mud-checkbox-input")!.Change(true);
    }
}
