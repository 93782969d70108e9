using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.EndToEnd;

/// <summary>One server with two real agent processes, running as root, for sending files.</summary>
public sealed class SendFileFixture : IAsyncLifetime
{
    public CloudAssistServer Server { get; } = new();

    public List<AgentProcess> Agents { get; } = [];

    public async Task InitializeAsync()
    {
        var starts = Enumerable.Range(1, 2).Select(i => AgentProcess.StartAsync(Server, $"files-{i}"));
        Agents.AddRange(await Task.WhenAll(starts));
    }

    public async Task DisposeAsync()
    {
        foreach (var agent in Agents)
        {
            await agent.DisposeAsync();
        }

        Server.Dispose();
    }
}
