using System.Text.Json;
using Bunit;
using CloudAssist.Console.Tests.Infrastructure;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Components.Pages.Instances;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Console.Tests.Instances;

public sealed class InstanceDetailsPageTests : ConsoleTestBase
{
    [Fact]
    public void Render_UnknownInstance_SaysThereIsNoSuchInstance()
    {
        var sut = RenderWithProviders<InstanceDetailsPage>(p => p.Add(x => x.Id, "i-missing"));

        sut.WaitForAssertion(
            () => Assert.Contains("No such instance", sut.ByTestId("empty-state").TextContent),
            WaitTimeout);
    }

    [Fact]
    public async Task Render_InstanceWithTasks_ListsRecentTasksNewestFirst()
    {
        var instance = await Seed.InstanceAsync("web-1", TimeSpan.FromSeconds(3));
        var failed = await Seed.FinishedInvocationAsync(
            "disk-check", [instance], InvocationTaskStatus.Failed);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var pending = (await Seed.InvocationAsync("uptime", instance)).Invocation;

        var sut = RenderWithProviders<InstanceDetailsPage>(p => p.Add(x => x.Id, instance.Id));

        sut.WaitForAssertion(
            () => Assert.Equal(2, sut.FindAll("[data-testid='instance-tasks'] tbody tr").Count),
            WaitTimeout);
        var rows = sut.FindAll("[data-testid='instance-tasks'] tbody tr");
        Assert.Equal($"/invocations/{pending.Id}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Pending", rows[0].QuerySelector(".ca-status")!.TextContent.Trim());
        Assert.Equal($"/invocations/{failed.Id}", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Failed", rows[1].QuerySelector(".ca-status")!.TextContent.Trim());
        Assert.Contains("Offline, last seen 1 min ago", sut.ByTestId("instance-status").TextContent);
    }

    [Fact]
    public async Task Render_InstanceWithoutTasks_SaysNothingRanYet()
    {
        var instance = await Seed.InstanceAsync("web-1");

        var sut = RenderWithProviders<InstanceDetailsPage>(p => p.Add(x => x.Id, instance.Id));

        sut.WaitForAssertion(
            () => Assert.Contains("Nothing has run here yet", sut.TextOf("empty-state")),
            WaitTimeout);
    }

    [Fact]
    public async Task TaskStatusChanged_TaskOfThisInstance_UpdatesTheRowLive()
    {
        var instance = await Seed.InstanceAsync("web-1");
        var (_, tasks) = await Seed.InvocationAsync("uptime", instance);
        var sut = RenderWithProviders<InstanceDetailsPage>(p => p.Add(x => x.Id, instance.Id));
        sut.WaitForAssertion(
            () => Assert.Equal("Pending", sut.Find(".ca-status").TextContent.Trim()),
            WaitTimeout);

        await Seed.StartAsync(tasks[0]);

        sut.WaitForAssertion(
            () => Assert.Equal("Running", sut.Find(".ca-status").TextContent.Trim()),
            WaitTimeout);
    }

    [Fact]
    public async Task SaveTags_ValidTags_PersistsThem()
    {
        var instance = await Seed.InstanceAsync("web-1", tags: ["web"]);
        var sut = RenderWithProviders<InstanceDetailsPage>(p => p.Add(x => x.Id, instance.Id));
        sut.WaitForAssertion(
            () => Assert.Equal("web", sut.ByTestId("tags-input").GetAttribute("value")),
            WaitTimeout);

        sut.ByTestId("tags-input").Change("web, prod, role=frontend, web");
        await sut.ByTestId("save-tags").ClickAsync(new MouseEventArgs());

        Assert.Equal(["web", "prod", "role=frontend"], await StoredTagsAsync(instance.Id));
        Assert.Equal("", sut.HelperTextOf("tags-input"));
    }

    [Fact]
    public async Task SaveTags_InvalidTag_ShowsErrorAndKeepsStoredTags()
    {
        var instance = await Seed.InstanceAsync("web-1", tags: ["web"]);
        var sut = RenderWithProviders<InstanceDetailsPage>(p => p.Add(x => x.Id, instance.Id));
        sut.WaitForAssertion(() => Assert.Single(sut.AllByTestId("tags-input")), WaitTimeout);

        sut.ByTestId("tags-input").Change("web, bad tag!");
        await sut.ByTestId("save-tags").ClickAsync(new MouseEventArgs());

        Assert.StartsWith("'bad tag!' is not a valid tag", sut.HelperTextOf("tags-input"));
        Assert.Equal(["web"], await StoredTagsAsync(instance.Id));
    }

    private async Task<string[]> StoredTagsAsync(string instanceId)
    {
        var stored = await Context.Services.GetRequiredService<InstanceRepository>()
            .GetAsync(instanceId, CancellationToken.None);
        return JsonSerializer.Deserialize<string[]>(stored!.TagsJson) ?? [];
    }

    [Fact]
    public async Task RotateCredential_Confirmed_ShowsTheRotationWaitingForTheAgent()
    {
        SignInAs(UserRole.Administrator);
        var instance = await Seed.InstanceAsync("web-1", TimeSpan.FromSeconds(3));
        var sut = RenderWithProviders<InstanceDetailsPage>(p => p.Add(x => x.Id, instance.Id));
        sut.WaitForAssertion(() => Assert.Equal("never", sut.TextOf("credential-rotated")), WaitTimeout);

        sut.ByTestId("rotate-credential").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Give web-1 a new credential?", Dialogs.Markup), WaitTimeout);
        Dialogs.Button("Rotate").Click();

        sut.WaitForAssertion(
            () => Assert.Equal("never (a rotation waits for the agent's next poll)", sut.TextOf("credential-rotated")),
            WaitTimeout);
        var stored = await Context.Services.GetRequiredService<InstanceRepository>().GetAsync(instance.Id, default);
        Assert.Equal(Clock.GetUtcNow(), stored!.CredentialRotationRequestedAt);
    }
}
