using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CloudAssist.Contracts;
using CloudAssist.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CloudAssist.Web.Tests.Security;

/// <summary>
/// Malformed bodies against every POST and PUT of the agent and operator APIs: each answer must be
/// a 4xx problem, and nothing already stored may change. Seeded, and bounded in count and time.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20_261_203;
    private const int CasesPerTarget = 300;
    private static readonly TimeSpan TimePerTarget = TimeSpan.FromSeconds(6);

    private readonly CloudAssistServer _server = new(new Dictionary<string, string?>
    {
        // Registration bodies must reach the endpoint rather than the limiter.
        ["RateLimits:RegistrationPerMinute"] = "1000000",
    });

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task MalformedBodies_EveryApiEndpoint_ProblemAnswersAndStoreUnchanged()
    {
        output.WriteLine($"Fuzz seed: {Seed}");
        var (agent, taskId) = await SeedStoreAsync();
        var before = await StoreSnapshot.TakeAsync(_server.DataDirectory);
        var random = new Random(Seed);
        var bodies = new FuzzBodies(random);
        var targets = FuzzTarget.All(_server.Services);
        var failures = new List<string>();
        var answers = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var sent = 0;

        foreach (var target in targets)
        {
            var clock = Stopwatch.StartNew();
            var count = 0;
            for (; count < CasesPerTarget && clock.Elapsed < TimePerTarget; count++)
            {
                var body = bodies.Next(target.RequestType, target.MaxBodyBytes, count);
                var credential = target.IsAgentApi && random.Next(2) == 0 ? agent.Credential : null;
                var path = target.Path(name => RouteValue(random, name, taskId));
                using var response = await SendAsync(target.Method, path, body, credential);
                var key = $"{body.Kind} -> {(int)response.StatusCode}";
                answers[key] = answers.GetValueOrDefault(key) + 1;
                if (await ProblemAsync(response) is { } problem)
                {
                    failures.Add($"{target.Method} {path} [{body.Kind}, {body.ContentType}]: {problem}");
                }
            }

            sent += count;
            output.WriteLine($"{target}: {count} bodies in {clock.Elapsed.TotalSeconds:F1} s");
        }

        output.WriteLine(string.Join('\n', answers.Select(a => $"{a.Key}: {a.Value}")));
        var after = await StoreSnapshot.TakeAsync(_server.DataDirectory);
        Assert.True(targets.Count >= 15, $"Only {targets.Count} endpoints found: {string.Join(", ", targets)}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were not 4xx problems (seed {Seed}):\n"
            + string.Join('\n', failures.Take(20)));
        Assert.All(before, table => Assert.Equal(table.Value, after[table.Key]));
    }

    /// <summary>An instance with a running task that has some output: what the fuzz must leave alone.</summary>
    private async Task<(RawAgent Agent, string TaskId)> SeedStoreAsync()
    {
        var agent = await RawAgent.RegisterAsync(_server, "fuzz");
        await _server.Api.PostAsync("/api/v1/commands", JsonContent("""{"name": "fuzz", "content": "echo fuzz"}"""));
        await _server.InvokeAsync("echo fuzz", [agent.InstanceId], timeoutSeconds: 3600);
        var task = (await agent.PollAsync()).Tasks.Single();
        (await agent.PostAsync(AgentRoutes.Started(task.TaskId), new TaskStartedReport(DateTimeOffset.UtcNow)))
            .EnsureSuccessStatusCode();
        (await agent.PostAsync(AgentRoutes.Output(task.TaskId), new OutputChunkReport(0, "fuzz\n"u8.ToArray())))
            .EnsureSuccessStatusCode();
        return (agent, task.TaskId);
    }

    private static string RouteValue(Random random, string name, string taskId) => random.Next(4) switch
    {
        0 when name == "taskId" => taskId,
        1 => Uri.EscapeDataString(RandomText(random, random.Next(1, 40))),
        _ => $"fuzz-{random.Next():x}",
    };

    private static string RandomText(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)random.Next(1, 0x2FF)).ToArray());

    private async Task<HttpResponseMessage> SendAsync(string method, string path, FuzzBody body, string? credential)
    {
        var content = new ByteArrayContent(body.Bytes);
        if (!string.IsNullOrEmpty(body.ContentType))
        {
            content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        // Large bodies wait for the server's go-ahead: a refusal is read rather than racing a closed connection.
        request.Headers.ExpectContinue = body.Bytes.Length > 512 * 1024;
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        return await _server.Api.SendAsync(request);
    }

    /// <summary>What is wrong with the answer, or null when it is a 4xx problem with a title.</summary>
    private static async Task<string?> ProblemAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var type = response.Content.Headers.ContentType?.MediaType;
        if (status is < 400 or > 499 || type != "application/problem+json")
        {
            return $"{status} {type} {text[..Math.Min(text.Length, 300)]}";
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 }
            ? null
            : $"{status} problem without a title: {text[..Math.Min(text.Length, 300)]}";
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");
}
