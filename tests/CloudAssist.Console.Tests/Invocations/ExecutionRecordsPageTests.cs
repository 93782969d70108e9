using AngleSharp.Dom;
using Bunit;
using CloudAssist.Console.Tests.Infrastructure;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Components.Pages.Invocations;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Console.Tests.Invocations;

public sealed class ExecutionRecordsPageTests : ConsoleTestBase
{
    [Fact]
    public void Render_NoInvocations_ShowsEmptyState()
    {
        var sut = RenderWithProviders<ExecutionRecordsPage>();

        sut.WaitForAssertion(
            () => Assert.Contains("No execution records", sut.TextOf("empty-state")),
            WaitTimeout);
    }

    [Fact]
    public async Task Render_Invocations_ShowsRowsNewestFirstWithStatusAndProgress()
    {
        var web = await Seed.InstanceAsync("web-1");
        var db = await Seed.InstanceAsync("db-1");
        var done = await Seed.FinishedInvocationAsync("disk-check", [web], InvocationTaskStatus.Success);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var (running, tasks) = await Seed.InvocationAsync("uptime", web, db);
        await Seed.StartAsync(tasks[0]);
        await Seed.FinishAsync(tasks[0], InvocationTaskStatus.Failed, exitCode: 1);

        var sut = RenderWithProviders<ExecutionRecordsPage>();

        sut.WaitForAssertion(
            () => Assert.Equal(["uptime", "disk-check"], sut.TextsByTestId("record-link")),
            WaitTimeout);
        var rows = Rows(sut);
        Assert.Equal($"/invocations/{running.Id}", LinkOf(rows[0]));
        Assert.Equal("Running", StatusOf(rows[0]));
        Assert.Equal("1 / 2", ProgressOf(rows[0]));
        Assert.Equal($"/invocations/{done.Id}", LinkOf(rows[1]));
        Assert.Equal("Success", StatusOf(rows[1]));
        Assert.Equal("1 / 1", ProgressOf(rows[1]));
    }

    [Fact]
    public async Task StatusFilter_Failed_ShowsOnlyFailedInvocations()
    {
        var web = await Seed.InstanceAsync("web-1");
        await Seed.FinishedInvocationAsync("disk-check", [web], InvocationTaskStatus.Success);
        await Seed.FinishedInvocationAsync("restart-nginx", [web], InvocationTaskStatus.Failed);
        await Seed.InvocationAsync("uptime", web);
        var sut = RenderWithProviders<ExecutionRecordsPage>();
        sut.WaitForAssertion(() => Assert.Equal(3, sut.AllByTestId("record-link").Count), WaitTimeout);

        sut.SelectItem<InvocationStatus?, ExecutionRecordsPage>(
            Popovers, "records-status", "Failed", WaitTimeout);

        sut.WaitForAssertion(
            () => Assert.Equal(["restart-nginx"], sut.TextsByTestId("record-link")),
            WaitTimeout);
    }

    [Fact]
    public async Task InvocationCreated_NewInvocation_AppearsWithoutReload()
    {
        var web = await Seed.InstanceAsync("web-1");
        await Seed.InvocationAsync("uptime", web);
        var sut = RenderWithProviders<ExecutionRecordsPage>();
        sut.WaitForAssertion(() => Assert.Single(sut.AllByTestId("record-link")), WaitTimeout);

        Clock.Advance(TimeSpan.FromSeconds(1));
        await Seed.InvocationAsync("disk-check", web);
        PassRefreshInterval();

        sut.WaitForAssertion(
            () => Assert.Equal(["disk-check", "uptime"], sut.TextsByTestId("record-link")),
            WaitTimeout);
    }

    [Fact]
    public async Task TaskStatusChanged_TaskFinishes_ProgressAndStatusFollowLive()
    {
        var web = await Seed.InstanceAsync("web-1");
        var (_, tasks) = await Seed.InvocationAsync("uptime", web);
        var sut = RenderWithProviders<ExecutionRecordsPage>();
        sut.WaitForAssertion(() => Assert.Equal("0 / 1", ProgressOf(Rows(sut).Single())), WaitTimeout);

        await Seed.StartAsync(tasks[0]);
        await Seed.FinishAsync(tasks[0], InvocationTaskStatus.Success, exitCode: 0);
        PassRefreshInterval();

        sut.WaitForAssertion(() =>
        {
            Assert.Equal("1 / 1", ProgressOf(Rows(sut).Single()));
            Assert.Equal("Success", StatusOf(Rows(sut).Single()));
        }, WaitTimeout);
    }

    [Fact]
    public async Task RunCommand_AdHocScriptOnAnInstance_CreatesInvocationAndOpensIt()
    {
        var web = await Seed.InstanceAsync("web-1");
        var sut = RenderWithProviders<ExecutionRecordsPage>();
        sut.WaitForAssertion(() => Assert.Single(sut.AllByTestId("empty-state")), WaitTimeout);
        sut.Button("Run command").Click();
        Dialogs.WaitForAssertion(() => Assert.Single(Dialogs.AllByTestId("invoke-instance-name")), WaitTimeout);

        Dialogs.ByTestId("invoke-content").Input("df -h");
        Dialogs.Find("[data-testid='invoke-instances'] tbody input.mud-checkbox-input").Change(true);
        Dialogs.ByTestId("invoke-run").Click();

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.AllByTestId("invoke-dialog")), WaitTimeout);
        var invocations = Context.Services.GetRequiredService<InvocationRepository>();
        var invocation = Assert.Single(await invocations.ListAsync(null, 10, 0, CancellationToken.None));
        Assert.Equal("Ad hoc command", invocation.CommandName);
        Assert.Equal("df -h", invocation.Content);
        Assert.Null(invocation.CommandId);
        var task = Assert.Single(await invocations.ListTasksAsync(invocation.Id, CancellationToken.None));
        Assert.Equal(web.Id, task.InstanceId);
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith($"/invocations/{invocation.Id}", navigation.Uri);
    }

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<ExecutionRecordsPage> page) =>
        page.FindAll("[data-testid='records-table'] tbody tr");

    private static string StatusOf(IElement row) => row.QuerySelector(".ca-status")!.TextContent.Trim();

    private static string LinkOf(IElement row) =>
        row.QuerySelector("[data-testid='record-link']")!.GetAttribute("href")!;

    private static string ProgressOf(IElement row) =>
        row.QuerySelector("[data-testid='progress']")!.TextContent.Trim();
}
