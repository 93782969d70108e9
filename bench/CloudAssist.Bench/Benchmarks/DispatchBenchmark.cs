using System.Diagnostics;
using CloudAssist.Bench.Fleet;
using CloudAssist.Bench.Hosting;
using CloudAssist.Bench.Measurement;
using CloudAssist.Data.Records;

namespace CloudAssist.Bench.Benchmarks;

/// <summary>
/// Invocation created to task started on one agent whose poll is held, run after run: first a
/// virtual agent, then a real agent process running <c>true</c>.
/// </summary>
public static class DispatchBenchmark
{
    public static async Task<Figures> RunAsync(BenchArguments args, CancellationToken cancellationToken)
    {
        var runs = args.Int("runs", 200, 1, 10_000);
        var hold = args.Int("hold", 25, 1, 90);
        var executable = RealAgent.ExecutableOption(args);
        args.EnsureAllRead();

        await using var server = await ChildServer.StartAsync(hold, cancellationToken);
        using var http = new HttpClient();
        var operators = new OperatorClient(http, server.Url, server.OperatorToken);
        var figures = new Figures($"dispatch: invocation created to task started, one agent, {runs} runs each")
            .Add("machine", Figures.Machine());
        await MeasureVirtualAsync(server, operators, runs, figures, cancellationToken);
        await MeasureRealAsync(server, operators, runs, figures, executable, cancellationToken);
        return figures;
    }

    private static async Task MeasureVirtualAsync(
        IBenchServer server,
        OperatorClient operators,
        int runs,
        Figures figures,
        CancellationToken cancellationToken)
    {
        await using var fleet = await VirtualFleet.RegisterAsync(server, 1, new VirtualTaskProfile(0, 1, TimeSpan.Zero), cancellationToken);
        fleet.Start(TimeSpan.Zero);
        var acknowledged = new List<TimeSpan>();
        var invocations = new List<string>();
        for (var run = 0; run < runs; run++)
        {
            await Waiting.UntilAsync(
                () => fleet.Counters.Finished == run, TimeSpan.FromSeconds(10), "the virtual agent's task", cancellationToken);
            await fleet.WaitUntilPollingAsync(TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(10), cancellationToken);
            var started = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            fleet.Counters.TaskStarted = _ => started.TrySetResult(Stopwatch.GetTimestamp());

            var sent = Stopwatch.GetTimestamp();
            var invocation = await operators.InvokeAsync("true", fleet.InstanceIds, cancellationToken);
            var stored = await started.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

            acknowledged.Add(Stopwatch.GetElapsedTime(sent, stored));
            invocations.Add(invocation.Id);
        }

        var recorded = await RecordedDelaysAsync(operators, invocations, cancellationToken);
        figures.Add("virtual agent, POST sent to started stored", new Percentiles(acknowledged).Summary());
        figures.Add("virtual agent, created_at to started_at", new Percentiles(recorded).Summary());
        figures.Add("virtual agent, report errors", fleet.Counters.ReportErrors.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task MeasureRealAsync(
        IBenchServer server,
        OperatorClient operators,
        int runs,
        Figures figures,
        string? executable,
        CancellationToken cancellationToken)
    {
        await using var agent = await RealAgent.StartAsync(server, operators, cancellationToken, executable);
        var roundTrips = new List<TimeSpan>();
        var invocations = new List<string>();
        var failures = 0;
        for (var run = 0; run < runs; run++)
        {
            var sent = Stopwatch.GetTimestamp();
            var invocation = await operators.InvokeAsync("true", [agent.InstanceId], cancellationToken);
            var done = await operators.WaitForFinalAsync(
                invocation.Id, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(30), cancellationToken);

            roundTrips.Add(Stopwatch.GetElapsedTime(sent));
            invocations.Add(invocation.Id);
            failures += done.Invocation.Status == InvocationStatus.Success ? 0 : 1;
        }

        var recorded = await RecordedDelaysAsync(operators, invocations, cancellationToken);
        figures.Add("real agent `true`, created_at to started_at", new Percentiles(recorded).Summary());
        figures.Add("real agent `true`, POST sent to Success seen", new Percentiles(roundTrips).Summary());
        figures.Add("real agent `true`, runs not Success", failures.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>started_at minus created_at as the database holds them (ms resolution, one clock).</summary>
    private static async Task<List<TimeSpan>> RecordedDelaysAsync(
        OperatorClient operators,
        IEnumerable<string> invocationIds,
        CancellationToken cancellationToken)
    {
        var delays = new List<TimeSpan>();
        foreach (var id in invocationIds)
        {
            var details = await operators.GetInvocationAsync(id, cancellationToken);
            if (details.Tasks[0].StartedAt is { } startedAt)
            {
                delays.Add(startedAt - details.Invocation.CreatedAt);
            }
        }

        return delays;
    }
}
