using AngleSharp.Dom;
using Bunit;
using CloudAssist.Console.Tests.Infrastructure;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Components.Pages.Invocations;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Console.Tests.Invocations;

public sealed class InvocationPageTests : ConsoleTestBase
{
    private InvocationRepository Invocations => Context.Services.GetRequiredService<InvocationRepository>();

    [Fact]
    public void Render_UnknownInvocation_SaysThereIsNoSuchRecord()
    {
        var sut = RenderWithProviders<InvocationPage>(p => p.Add(x => x.Id, "inv-missing"));

        sut.WaitForAssertion(
            () => Assert.Contains("No such execution record", sut.TextOf("empty-state")),
            WaitTimeout);
    }

    [Fact]
    public async Task Render_Invocation_ShowsOneRowPerTaskWithInstanceStatusAndExitCode()
    {
        var web = await Seed.InstanceAsync("web-1");
        var db = await Seed.InstanceAsync("db-1");
        var invocation = await Seed.FinishedInvocationAsync(
            "uptime", [web, db], InvocationTaskStatus.Success, InvocationTaskStatus.Failed);

        var sut = RenderWithProviders<InvocationPage>(p => p.Add(x => x.Id, invocation.Id));

        sut.WaitForAssertion(() => Assert.Equal(2, TaskRows(sut).Count), WaitTimeout);
        var rows = TaskRows(sut).ToDictionary(r => Cell(r, "task-instance"));
        Assert.Equal(["db-1", "web-1"], rows.Keys.Order());
        Assert.Equal("Success", Cell(rows["web-1"], "task-status"));
        Assert.Equal("0", Cell(rows["web-1"], "task-exit-code"));
        Assert.Equal("Failed", Cell(rows["db-1"], "task-status"));
        Assert.Equal("1", Cell(rows["db-1"], "task-exit-code"));
        Assert.Equal("PartialFailed", sut.TextOf("invocation-status"));
        Assert.Empty(sut.AllByTestId("stop-invocation"));
    }

    [Fact]
    public async Task TaskStatusChanged_TaskStarts_ChipsChangeToRunningLive()
    {
        var web = await Seed.InstanceAsync("web-1");
        var (invocation, tasks) = await Seed.InvocationAsync("uptime", web);
        var sut = RenderWithProviders<InvocationPage>(p => p.Add(x => x.Id, invocation.Id));
        sut.WaitForAssertion(
            () => Assert.Equal("Pending", Cell(TaskRows(sut).Single(), "task-status")),
            WaitTimeout);

        await Seed.StartAsync(tasks[0]);
        PassRefreshInterval();

        sut.WaitForAssertion(() =>
        {
            Assert.Equal("Running", Cell(TaskRows(sut).Single(), "task-status"));
            Assert.Equal("Running", sut.TextOf("invocation-status"));
        }, WaitTimeout);
    }

    [Fact]
    public async Task TaskStatusChanged_TaskFinishes_ShowsStatusAndExitCodeLive()
    {
        var web = await Seed.InstanceAsync("web-1");
        var (invocation, tasks) = await Seed.InvocationAsync("uptime", web);
        await Seed.StartAsync(tasks[0]);
        var sut = RenderWithProviders<InvocationPage>(p => p.Add(x => x.Id, invocation.Id));
        sut.WaitForAssertion(
            () => Assert.Equal("Running", Cell(TaskRows(sut).Single(), "task-status")),
            WaitTimeout);

        await Seed.FinishAsync(tasks[0], InvocationTaskStatus.Failed, exitCode: 3);
        PassRefreshInterval();

        sut.WaitForAssertion(() =>
        {
            Assert.Equal("Failed", Cell(TaskRows(sut).Single(), "task-status"));
            Assert.Equal("3", Cell(TaskRows(sut).Single(), "task-exit-code"));
            Assert.Equal("Failed", sut.TextOf("invocation-status"));
            Assert.Empty(sut.AllByTestId("stop-task"));
        }, WaitTimeout);
    }

    [Fact]
    public async Task ExpandRow_TaskWithOutput_ShowsStoredOutput()
    {
        var web = await Seed.InstanceAsync("web-1");
        var (invocation, tasks) = await Seed.InvocationAsync("uptime", web);
        await Seed.StartAsync(tasks[0]);
        await Seed.AppendOutputAsync(tasks[0], "line one\n");
        var sut = RenderWithProviders<InvocationPage>(p => p.Add(x => x.Id, invocation.Id));
        sut.WaitForAssertion(() => Assert.Single(TaskRows(sut)), WaitTimeout);
        Assert.Empty(sut.AllByTestId("task-output"));

        TaskRows(sut).Single().Click();

        sut.WaitForAssertion(
            () => Assert.Equal("line one\n", sut.ByTestId("task-output").TextContent),
            WaitTimeout);
        Assert.Equal("9 bytes", sut.ByTestId("output-size").TextContent.Trim());
    }

    [Fact]
    public async Task TaskOutputAppended_ExpandedRow_NewOutputAppearsLive()
    {
        var web = await Seed.InstanceAsync("web-1");
        var (invocation, tasks) = await Seed.InvocationAsync("uptime", web);
        await Seed.StartAsync(tasks[0]);
        await Seed.AppendOutputAsync(tasks[0], "line one\n");
        var sut = RenderWithProviders<InvocationPage>(p => p.Add(x => x.Id, invocation.Id));
        sut.WaitForAssertion(() => Assert.Single(TaskRows(sut)), WaitTimeout);
        TaskRows(sut).Single().Click();
        sut.WaitForAssertion(
            () => Assert.Equal("line one\n", sut.ByTestId("task-output").TextContent),
            WaitTimeout);

        await Seed.AppendOutputAsync(tasks[0], "line two\n");
        PassRefreshInterval();

        sut.WaitForAssertion(
            () => Assert.Equal("line one\nline two\n", sut.ByTestId("task-output").TextContent), WaitTimeout);
    }

    [Fact]
    public async Task ExpandRow_ClickedAgain_HidesOutput()
    {
        var web = await Seed.InstanceAsync("web-1");
        var (invocation, _) = await Seed.InvocationAsync("uptime", web);
        var sut = RenderWithProviders<InvocationPage>(p => p.Add(x => x.Id, invocation.Id));
        sut.WaitForAssertion(() => Assert.Single(TaskRows(sut)), WaitTimeout);
        TaskRows(sut).Single().Click();
        sut.WaitForAssertion(() => Assert.Single(sut.AllByTestId("task-output")), WaitTimeout);

        TaskRows(sut).First().Click();

        sut.WaitForAssertion(() => Assert.Empty(sut.AllByTestId("task-output")), WaitTimeout);
    }

    [Fact]
    public async Task Stop_PendingTasks_CancelsThemAndStopsInvocation()
    {
        var web = await Seed.InstanceAsync("web-1");
        var db = await Seed.InstanceAsync("db-1");
        var (invocation, _) = await Seed.InvocationAsync("uptime", web, db);
        var sut = RenderWithProviders<InvocationPage>(p => p.Add(x => x.Id, invocation.Id));
        sut.WaitForAssertion(() => Assert.Equal(2, TaskRows(sut).Count), WaitTimeout);

        await sut.ByTestId("stop-invocation").ClickAsync(new MouseEventArgs());

        var stored = await Invocations.GetAsync(invocation.Id, CancellationToken.None);
        Assert.Equal(InvocationStatus.Stopped, stored?.Status);
        var tasks = await Invocations.ListTasksAsync(invocation.Id, CancellationToken.None);
        Assert.All(tasks, t => Assert.Equal(InvocationTaskStatus.Cancelled, t.Status));
        sut.WaitForAssertion(() =>
        {
            Assert.Equal("Stopped", sut.TextOf("invocation-status"));
            Assert.All(TaskRows(sut), r => Assert.Equal("Cancelled", Cell(r, "task-status")));
            Assert.Empty(sut.AllByTestId("stop-invocation"));
        }, WaitTimeout);
    }

    [Fact]
    public async Task StopTask_OnePendingTask_CancelsOnlyThatTask()
    {
        var web = await Seed.InstanceAsync("web-1");
        var (invocation, _) = await Seed.InvocationAsync("uptime", web, await Seed.InstanceAsync("db-1"));
        var sut = RenderWithProviders<InvocationPage>(p => p.Add(x => x.Id, invocation.Id));
        sut.WaitForAssertion(() => Assert.Equal(2, TaskRows(sut).Count), WaitTimeout);

        await RowOf(sut, "web-1").QuerySelector("[data-testid='stop-task']")!.ClickAsync(new MouseEventArgs());

        var stored = await Invocations.ListTasksAsync(invocation.Id, CancellationToken.None);
        Assert.Equal(InvocationTaskStatus.Cancelled, stored.Single(t => t.InstanceId == web.Id).Status);
        Assert.Equal(InvocationTaskStatus.Pending, stored.Single(t => t.InstanceId != web.Id).Status);
        sut.WaitForAssertion(
            () => Assert.Equal("Cancelled", Cell(RowOf(sut, "web-1"), "task-status")),
            WaitTimeout);
    }

    [Fact]
    public async Task RunAgain_AdHocInvocation_OpensRunDialogWithItsScriptAndInstances()
    {
        var web = await Seed.InstanceAsync("web-1");
        var db = await Seed.InstanceAsync("db-1");
        await Seed.InstanceAsync("cache-1");
        var (invocation, _) = await Seed.InvocationAsync("uptime", web, db);
        var sut = RenderWithProviders<InvocationPage>(p => p.Add(x => x.Id, invocation.Id));
        sut.WaitForAssertion(() => Assert.Equal(2, TaskRows(sut).Count), WaitTimeout);

        sut.ByTestId("run-again").Click();

        Dialogs.WaitForAssertion(
            () => Assert.Contains("Instances (2 selected)", Dialogs.Markup),
            WaitTimeout);
        Assert.Equal(invocation.Content, Dialogs.ByTestId("invoke-content").GetAttribute("value"));
    }

    private static IReadOnlyList<IElement> TaskRows(IRenderedComponent<InvocationPage> page) =>
        page.FindAll("[data-testid='tasks-table'] tbody tr")
            .Where(r => r.QuerySelector("[data-testid='task-instance']") is not null)
            .ToList();

    private static IElement RowOf(IRenderedComponent<InvocationPage> page, string instanceName) =>
        TaskRows(page).Single(r => Cell(r, "task-instance") == instanceName);

    private static string Cell(IElement row, string testId) =>
        row.QuerySelector($"[data-testid='{testId}']")!.TextContent.Trim();
}
