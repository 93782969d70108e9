using Bunit;
using CloudAssist.Console.Tests.Infrastructure;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Components.Pages.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Console.Tests.Audit;

public sealed class AuditLogPageTests : ConsoleTestBase
{
    [Theory]
    [InlineData("audit-actor", "bob", "actor=bob", new[] { "Schedule of backup paused" })]
    [InlineData("audit-text", "web", "q=web", new[] { "Instance web-1 deregistered" })]
    public async Task Filter_TypedValue_ShowsOnlyMatchingEntriesAndExportsThem(
        string filter,
        string value,
        string exportQuery,
        string[] expected)
    {
        await RecordAsync("alice", "command.created", "Command backup created");
        await RecordAsync("bob", "schedule.paused", "Schedule of backup paused");
        await RecordAsync("alice", "instance.deregistered", "Instance web-1 deregistered");
        var sut = RenderWithProviders<AuditLogPage>();
        sut.WaitForAssertion(() => Assert.Equal(3, sut.AllByTestId("audit-summary").Count), WaitTimeout);

        sut.ByTestId(filter).Change(value);

        sut.WaitForAssertion(() => Assert.Equal(expected, sut.TextsByTestId("audit-summary")), WaitTimeout);
        Assert.Contains(exportQuery, sut.ByTestId("audit-export").GetAttribute("href"));
    }

    [Fact]
    public async Task Render_Entries_NewestFirst()
    {
        await RecordAsync("alice", "command.created", "Command backup created");
        await RecordAsync("alice", "command.deleted", "Command backup deleted");

        var sut = RenderWithProviders<AuditLogPage>();

        string[] expected = ["Command backup deleted", "Command backup created"];
        sut.WaitForAssertion(() => Assert.Equal(expected, sut.TextsByTestId("audit-summary")), WaitTimeout);
    }

    [Fact]
    public async Task RowClick_Entry_ExpandsToItsDetails()
    {
        await RecordAsync("alice", "command.updated", "Command backup updated", new { Before = "v1", After = "v2" });
        var sut = RenderWithProviders<AuditLogPage>();
        sut.WaitForAssertion(() => Assert.Single(sut.AllByTestId("audit-summary")), WaitTimeout);
        Assert.Empty(sut.AllByTestId("audit-details"));

        sut.ByTestId("audit-summary").Click();

        sut.WaitForAssertion(() => Assert.Contains("\"after\": \"v2\"", sut.TextOf("audit-details")), WaitTimeout);
    }

    private Task RecordAsync(string actor, string action, string summary, object? details = null)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        return Context.Services.GetRequiredService<AuditLog>().RecordAsync(
            new AuditActor(actor, null), action, action[..action.IndexOf('.')], "id-" + actor, summary, details);
    }
}
