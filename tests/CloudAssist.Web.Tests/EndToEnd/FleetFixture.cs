using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.EndToEnd;

/// <summary>One server with six real agent processes, shared by the tests of a class.</summary>
public sealed class FleetFixture : IAsyncLifetime
{
    public CloudAssistServer Server { get; } = new(new Dictionary<string, string?> { ["Output:MaxBytesPerTask"] = "65536" });

    public List<AgentProcess> Agents { get; } = [];

    public async Task InitializeAsync()
    {
        var starts = Enumerable.Range(1, 6).Select(i => AgentProcess.StartAsync(Server, $"fleet-{i}"));
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
