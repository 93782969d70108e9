using System.Diagnostics;
using System.Globalization;
using CloudAssist.Bench.Fleet;
using CloudAssist.Bench.Hosting;
using CloudAssist.Bench.Measurement;
using CloudAssist.Data.Records;
using CloudAssist.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Bench.Benchmarks;

/// <summary>
/// One <c>echo</c> invocation on N virtual agents whose polls are all held: the time until
/// every task is Success in the database, and until the console notifier has published them all.
/// The server runs in this process so that the notifier can be watched.
/// </summary>
public static class FanOutBenchmark
{
    public static async Task<Figures> RunAsync(BenchArguments args, CancellationToken cancellationToken)
    {
        var agents = args.Int("agents", 1000, 1, 1000);
        var hold = args.Int("hold", 25, 5, 90);
        args.EnsureAllRead();

        await using var server = new InProcessServer(hold);
        var tally = new NotifierTally(agents);
        using var subscription = server.Services.GetRequiredService<ConsoleNotifier>().Subscribe(tally.Observe);
        var profile = new VirtualTaskProfile(6, 1024, TimeSpan.Zero);
        await using var fleet = await VirtualFleet.RegisterAsync(server, agents, profile, cancellationToken);
        fleet.Start(TimeSpan.Zero);
        await fleet.WaitUntilPollingAsync(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(120), cancellationToken);
        using var http = new HttpClient();
        var operators = new OperatorClient(http, server.Url, server.OperatorToken);

        var sent = Stopwatch.GetTimestamp();
        var invocation = await operators.InvokeAsync("echo hello", fleet.InstanceIds, cancellationToken);
        var answered = Stopwatch.GetElapsedTime(sent);
        var done = await operators.WaitForFinalAsync(invocation.Id, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(120), cancellationToken);
        var seenByApi = Stopwatch.GetElapsedTime(sent);
        var notified = await tally.AllSucceededAsync(invocation.Id).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);

        var succeeded = done.Tasks.Count(t => t.Status == InvocationTaskStatus.Success);
        return new Figures($"fan-out: `echo hello` on {agents} virtual agents (server in process)")
            .Add("machine", Figures.Machine())
            .Add("agents registered in", $"{fleet.RegistrationTime.TotalSeconds:F1} s")
            .Add("POST /invocations answered after", Percentiles.Ms(answered))
            .Add("every task Success in database", Percentiles.Ms(done.Invocation.FinishedAt!.Value - done.Invocation.CreatedAt)
                + " (invocation finished_at - created_at)")
            .Add("console notifier saw all Success", Percentiles.Ms(Stopwatch.GetElapsedTime(sent, notified)) + " (from POST sent)")
            .Add("API showed invocation final", Percentiles.Ms(seenByApi) + " (polled every 50 ms)")
            .Add("tasks Success", $"{succeeded} of {agents}, invocation {done.Invocation.Status}")
            .Add("report errors", fleet.Counters.ReportErrors.ToString(CultureInfo.InvariantCulture));
    }
}
