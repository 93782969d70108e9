using System.Diagnostics;
using System.Globalization;
using CloudAssist.Bench.Fleet;
using CloudAssist.Bench.Hosting;
using CloudAssist.Bench.Measurement;
using CloudAssist.Data.Records;

namespace CloudAssist.Bench.Benchmarks;

/// <summary>
/// Reports per second the server stores: invocations on every virtual agent back to back, each
/// task answered at once with a started report, output chunks and a finished report.
/// </summary>
public static class IngestBenchmark
{
    public static async Task<Figures> RunAsync(BenchArguments args, CancellationToken cancellationToken)
    {
        var agents = args.Int("agents", 100, 1, 1000);
        var duration = args.Seconds("seconds", 20);
        var outputBytes = args.Int("output-bytes", 16 * 1024, 0, 1024 * 1024);
        var chunkBytes = args.Int("chunk-bytes", 4 * 1024, 1, CloudAssist.Contracts.ProtocolLimits.MaxChunkBytes);
        var inFlight = args.Int("in-flight", 2, 1, 16);
        args.EnsureAllRead();

        await using var server = await ChildServer.StartAsync(25, cancellationToken);
        var profile = new VirtualTaskProfile(outputBytes, chunkBytes, TimeSpan.Zero);
        await using var fleet = await VirtualFleet.RegisterAsync(server, agents, profile, cancellationToken);
        fleet.Start(TimeSpan.Zero);
        await fleet.WaitUntilPollingAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), cancellationToken);
        using var http = new HttpClient();
        var operators = new OperatorClient(http, server.Url, server.OperatorToken);
        var counters = fleet.Counters;

        var cpuBefore = ProcessSample.Read(server.ProcessId).CpuTime;
        var clock = Stopwatch.StartNew();
        var invocations = new List<string>();
        while (clock.Elapsed < duration)
        {
            if (invocations.Count * agents - counters.Finished - counters.ReportErrors < agents * inFlight)
            {
                invocations.Add((await operators.InvokeAsync("cat /var/log/bench.log", fleet.InstanceIds, cancellationToken)).Id);
                continue;
            }

            await Task.Delay(1, cancellationToken);
        }

        var tasks = invocations.Count * agents;
        await Waiting.UntilAsync(() => counters.Finished + counters.ReportErrors >= tasks, TimeSpan.FromSeconds(120),
            "the last tasks to finish", cancellationToken);
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = (ProcessSample.Read(server.ProcessId).CpuTime - cpuBefore).TotalSeconds;
        var (succeeded, storedBytes) = await VerifyAsync(operators, invocations, cancellationToken);

        string PerSecond(long count) => $"{count / elapsed:F0} /s ({count} in {elapsed:F1} s)";
        return new Figures($"ingestion: {agents} virtual agents, {outputBytes} B per task in {chunkBytes} B chunks")
            .Add("machine", Figures.Machine())
            .Add("started reports stored", PerSecond(counters.Started))
            .Add("output chunks stored", PerSecond(counters.Chunks))
            .Add("finished reports stored", PerSecond(counters.Finished))
            .Add("chunks + finished stored", PerSecond(counters.Chunks + counters.Finished))
            .Add("all reports stored", PerSecond(counters.Started + counters.Chunks + counters.Finished))
            .Add("output stored", $"{counters.OutputBytes / elapsed / 1024 / 1024:F1} MiB/s")
            .Add("server CPU", $"{100 * cpu / elapsed:F0}% of one core")
            .Add("report errors", counters.ReportErrors.ToString(CultureInfo.InvariantCulture))
            .Add("database check", $"{succeeded} of {tasks} tasks Success, {Figures.MiB(storedBytes)} output recorded");
    }

    private static async Task<(int Succeeded, long StoredBytes)> VerifyAsync(
        OperatorClient operators,
        IEnumerable<string> invocationIds,
        CancellationToken cancellationToken)
    {
        var succeeded = 0;
        long bytes = 0;
        foreach (var id in invocationIds)
        {
            var details = await operators.GetInvocationAsync(id, cancellationToken);
            succeeded += details.Tasks.Count(t => t.Status == InvocationTaskStatus.Success);
            bytes += details.Tasks.Sum(t => t.OutputReceived);
        }

        return (succeeded, bytes);
    }
}
