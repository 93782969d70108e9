using System.Diagnostics;
using CloudAssist.Bench.Fleet;
using CloudAssist.Bench.Hosting;
using CloudAssist.Bench.Measurement;
using CloudAssist.Data.Records;
using CloudAssist.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Bench.Benchmarks;

/// <summary>
/// The simulator end to end in a few seconds: a few virtual agents, a few invocations with
/// chunked output, checked in the database and through the notifier. The test suite runs it.
/// </summary>
public static class SmokeBenchmark
{
    public static async Task<SmokeResult> RunAsync(BenchArguments args, CancellationToken cancellationToken)
    {
        var agents = args.Int("agents", 5, 1, 100);
        var rounds = args.Int("rounds", 3, 1, 100);
        args.EnsureAllRead();

        await using var server = new InProcessServer(pollHoldSeconds: 5);
        var tally = new NotifierTally(agents);
        using var subscription = server.Services.GetRequiredService<ConsoleNotifier>().Subscribe(tally.Observe);
        var profile = new VirtualTaskProfile(1000, 256, TimeSpan.FromMilliseconds(50));
        await using var fleet = await VirtualFleet.RegisterAsync(server, agents, profile, cancellationToken);
        fleet.Start(TimeSpan.Zero);
        await fleet.WaitUntilPollingAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), cancellationToken);
        using var http = new HttpClient();
        var operators = new OperatorClient(http, server.Url, server.OperatorToken);

        var clock = Stopwatch.StartNew();
        var succeeded = 0;
        var notified = 0;
        long stored = 0;
        for (var round = 0; round < rounds; round++)
        {
            var invocation = await operators.InvokeAsync("echo smoke", fleet.InstanceIds, cancellationToken);
            var done = await operators.WaitForFinalAsync(invocation.Id, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30), cancellationToken);
            await Waiting.UntilAsync(() => tally.Successes(invocation.Id) >= agents, TimeSpan.FromSeconds(10),
                "the notifier's Success events", cancellationToken, pollMilliseconds: 10);
            succeeded += done.Tasks.Count(t => t.Status == InvocationTaskStatus.Success);
            notified += tally.Successes(invocation.Id);
            stored += done.Tasks.Sum(t => t.OutputReceived);
        }

        var tasks = agents * rounds;
        var figures = new Figures($"smoke: {rounds} invocations on {agents} virtual agents")
            .Add("tasks Success in database", $"{succeeded} of {tasks}")
            .Add("Success events from the notifier", $"{notified} of {tasks}")
            .Add("output stored", $"{stored} of {(long)tasks * profile.OutputBytes} bytes")
            .Add("report errors", fleet.Counters.ReportErrors.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("took", $"{clock.Elapsed.TotalSeconds:F1} s");
        return new SmokeResult(tasks, succeeded, notified, stored, (long)tasks * profile.OutputBytes, fleet.Counters.ReportErrors, figures);
    }
}
