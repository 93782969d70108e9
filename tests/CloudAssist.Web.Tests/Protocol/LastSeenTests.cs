using CloudAssist.Contracts;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Web.Tests.Protocol;

public sealed class LastSeenTests(CloudAssistServer server) : IClassFixture<CloudAssistServer>
{
    private InstanceRepository Instances => server.Services.GetRequiredService<InstanceRepository>();

    [Fact]
    public async Task Poll_NewBootId_StoredBeforeTheAnswer()
    {
        var agent = await RawAgent.RegisterAsync(server);
        await server.InvokeAsync("echo hi", [agent.InstanceId]);

        await agent.PollAsync();

        var stored = await Instances.GetAsync(agent.InstanceId, CancellationToken.None);
        Assert.Equal("boot-1", stored!.BootId);
        Assert.Equal("shell", stored.Interpreters);
    }

    [Fact]
    public async Task Poll_SameAgentAgain_LastSeenStoredByTheRecorder()
    {
        var agent = await RawAgent.RegisterAsync(server);
        await server.InvokeAsync("echo one", [agent.InstanceId]);
        await agent.PollAsync();
        var afterFirst = (await Instances.GetAsync(agent.InstanceId, CancellationToken.None))!.LastSeenAt;
        await Task.Delay(TimeSpan.FromMilliseconds(20));
        await server.InvokeAsync("echo two", [agent.InstanceId]);
        var secondPolled = DateTimeOffset.UtcNow;

        var answer = await agent.PollAsync();
        await server.Services.GetRequiredService<LastSeenRecorder>().FlushAsync(CancellationToken.None);

        Assert.Single(answer.Tasks);
        var lastSeen = (await Instances.GetAsync(agent.InstanceId, CancellationToken.None))!.LastSeenAt;
        Assert.True(lastSeen > afterFirst, $"Last seen {lastSeen:O} did not pass the first poll's {afterFirst:O}.");
        Assert.True(
            lastSeen >= secondPolled.AddMilliseconds(-1),
            $"Last seen {lastSeen:O} is before the second poll at {secondPolled:O}.");
    }

    [Fact]
    public async Task Poll_NewAgentVersion_StoredBeforeTheAnswer()
    {
        var agent = await RawAgent.RegisterAsync(server);
        await server.InvokeAsync("echo one", [agent.InstanceId]);
        await agent.PollAsync();
        await server.InvokeAsync("echo two", [agent.InstanceId]);

        var response = await agent.PostAsync(AgentRoutes.Poll, new PollRequest("boot-1", 4, [], "test-2", ["shell"]));

        response.EnsureSuccessStatusCode();
        var stored = await Instances.GetAsync(agent.InstanceId, CancellationToken.None);
        Assert.Equal("test-2", stored!.AgentVersion);
    }
}
