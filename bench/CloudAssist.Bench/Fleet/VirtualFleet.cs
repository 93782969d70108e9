using System.Diagnostics;
using System.Net.Http.Json;
using CloudAssist.Bench.Hosting;
using CloudAssist.Contracts;

namespace CloudAssist.Bench.Fleet;

/// <summary>
/// N virtual agents in this process, registered through the real agent API with activation
/// codes and sharing one HTTP client.
/// </summary>
public sealed class VirtualFleet : IAsyncDisposable
{
    private const int MaxUsesPerCode = 10_000;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private Task[] _runs = [];

    private VirtualFleet(HttpClient http, IReadOnlyList<VirtualAgent> agents, FleetCounters counters, TimeSpan registration)
    {
        _http = http;
        Agents = agents;
        Counters = counters;
        RegistrationTime = registration;
    }

    public IReadOnlyList<VirtualAgent> Agents { get; }

    public IReadOnlyList<string> InstanceIds => Agents.Select(a => a.InstanceId).ToList();

    public FleetCounters Counters { get; }

    /// <summary>How long registering every agent took.</summary>
    public TimeSpan RegistrationTime { get; }

    /// <summary>Registers <paramref name="count"/> agents, a few at a time, each with its own credential.</summary>
    public static async Task<VirtualFleet> RegisterAsync(
        IBenchServer server,
        int count,
        VirtualTaskProfile profile,
        CancellationToken cancellationToken)
    {
        var http = FleetHttp.Create(server.Url);
        var operators = new OperatorClient(http, server.Url, server.OperatorToken);
        var codes = new List<string>();
        for (var left = count; left > 0; left -= MaxUsesPerCode)
        {
            codes.Add(await operators.CreateActivationCodeAsync(Math.Min(left, MaxUsesPerCode), cancellationToken));
        }

        var counters = new FleetCounters();
        var agents = new VirtualAgent[count];
        var clock = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, ct) =>
        {
            var name = $"vagent-{i:D5}";
            var request = new RegisterRequest(codes[i / MaxUsesPerCode], name, name, "Virtual (benchmark)", ["127.0.0.1"], "bench");
            using var response = await http.PostAsJsonAsync(AgentRoutes.Register, request, BenchJson.Options, ct);
            response.EnsureSuccessStatusCode();
            var identity = await response.Content.ReadFromJsonAsync<RegisterResponse>(BenchJson.Options, ct);
            agents[i] = new VirtualAgent(http, identity!, profile, counters);
        });

        return new VirtualFleet(http, agents, counters, clock.Elapsed);
    }

    /// <summary>Starts every agent's poll loop; first polls are spread evenly over <paramref name="spread"/>.</summary>
    public void Start(TimeSpan spread)
    {
        _runs = Agents
            .Select((agent, i) => agent.RunAsync(spread * i / Agents.Count, _stop.Token))
            .ToArray();
    }

    /// <summary>Waits until every agent has a poll outstanding, then <paramref name="settle"/> for the server to hold them.</summary>
    public async Task WaitUntilPollingAsync(TimeSpan settle, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (Counters.PollsInFlight < Agents.Count)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"Only {Counters.PollsInFlight} of {Agents.Count} agents were polling after {timeout.TotalSeconds:F0} s.");
            }

            await Task.Delay(20, cancellationToken);
        }

        await Task.Delay(settle, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_runs);
        _http.Dispose();
        _stop.Dispose();
    }
}
