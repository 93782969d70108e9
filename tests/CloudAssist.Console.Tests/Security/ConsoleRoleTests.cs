using Bunit;
using CloudAssist.Console.Tests.Infrastructure;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Components.Pages.Commands;
using CloudAssist.Web.Components.Pages.Instances;
using CloudAssist.Web.Components.Pages.Invocations;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CloudAssist.Console.Tests.Security;

/// <summary>
/// Each role against each action control of the console's pages: a control shows only to the roles
/// that may use it, and a handler refuses a user whose role no longer allows it.
/// </summary>
public sealed class ConsoleRoleTests : ConsoleTestBase
{
    // Page, the control's test id, the least role that sees it.
    private static readonly (string Page, string Control, UserRole Least)[] Controls =
    [
        ("commands", "create-command", UserRole.Operator),
        ("commands", "run-ad-hoc", UserRole.Operator),
        ("commands", "send-file", UserRole.Operator),
        ("commands", "run-command", UserRole.Operator),
        ("commands", "edit-command", UserRole.Operator),
        ("commands", "clone-command", UserRole.Operator),
        ("commands", "delete-command", UserRole.Operator),
        ("invocation", "stop-invocation", UserRole.Operator),
        ("invocation", "stop-task", UserRole.Operator),
        ("invocation", "run-again", UserRole.Operator),
        ("instance", "save-tags", UserRole.Operator),
        ("instance", "rotate-credential", UserRole.Administrator),
    ];

    public static TheoryData<string, UserRole> PagesByRole()
    {
        var data = new TheoryData<string, UserRole>();
        foreach (var page in Controls.Select(c => c.Page).Distinct())
        {
            foreach (var role in Enum.GetValues<UserRole>())
            {
                data.Add(page, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesByRole))]
    public async Task Controls_ShowOnlyToTheirRoleAndAbove(string page, UserRole role)
    {
        SignInAs(role);
        var controlsShown = await RenderAsync(page);

        foreach (var (_, control, least) in Controls.Where(c => c.Page == page))
        {
            Assert.True(controlsShown(control) == (role >= least), $"{control} for {role}");
        }
    }

    [Fact]
    public async Task SaveCommand_RoleLoweredToViewerWhileEditorOpen_RefusedAndNothingStored()
    {
        var page = RenderWithProviders<CommandsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.AllByTestId("create-command")), WaitTimeout);
        page.ByTestId("create-command").Click();
        Dialogs.WaitForAssertion(() => Assert.Single(Dialogs.AllByTestId("command-dialog")), WaitTimeout);
        Dialogs.ByTestId("command-name-input").Change("uptime");
        Dialogs.ByTestId("command-content").Input("uptime -p");

        SignInAs(UserRole.Viewer);
        Dialogs.ByTestId("save-command").Click();

        var snackbar = Context.Services.GetRequiredService<ISnackbar>();
        Dialogs.WaitForAssertion(
            () => Assert.Contains(
                snackbar.ShownSnackbars, s => s.Message?.Contains("Your role (Viewer) may not do this") == true),
            WaitTimeout);
        Assert.Empty(await Context.Services.GetRequiredService<CommandRepository>()
            .ListAsync(null, 10, 0, CancellationToken.None));
    }

    private async Task<Func<string, bool>> RenderAsync(string page)
    {
        var web = await Seed.InstanceAsync("web-1");
        switch (page)
        {
            case "commands":
                await Seed.CommandAsync("uptime");
                var commands = RenderWithProviders<CommandsPage>();
                commands.WaitForAssertion(() => Assert.Contains("uptime", commands.Markup), WaitTimeout);
                return id => commands.AllByTestId(id).Count > 0;
            case "invocation":
                var (invocation, tasks) = await Seed.InvocationAsync("uptime", web);
                await Seed.StartAsync(tasks[0]);
                var record = RenderWithProviders<InvocationPage>(p => p.Add(x => x.Id, invocation.Id));
                record.WaitForAssertion(() => Assert.Equal("Running", record.TextOf("invocation-status")), WaitTimeout);
                return id => record.AllByTestId(id).Count > 0;
            default:
                var instance = RenderWithProviders<InstanceDetailsPage>(p => p.Add(x => x.Id, web.Id));
                instance.WaitForAssertion(() => Assert.NotEmpty(instance.AllByTestId("instance-status")), WaitTimeout);
                return id => instance.AllByTestId(id).Count > 0;
        }
    }
}
