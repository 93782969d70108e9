using System.Globalization;
using CloudAssist.Bench.Hosting;
using CloudAssist.Bench.Measurement;

namespace CloudAssist.Bench.Benchmarks;

/// <summary>A real agent process with nothing to do, long-polling a real server: its memory and CPU.</summary>
public static class AgentIdleBenchmark
{
    public static async Task<Figures> RunAsync(BenchArguments args, TextWriter progress, CancellationToken cancellationToken)
    {
        var window = args.Minutes("minutes", 5);
        var hold = args.Int("hold", 25, 1, 90);
        var executable = RealAgent.ExecutableOption(args);
        args.EnsureAllRead();

        await using var server = await ChildServer.StartAsync(hold, cancellationToken);
        using var http = new HttpClient();
        await using var agent = await RealAgent.StartAsync(
            server, new OperatorClient(http, server.Url, server.OperatorToken), cancellationToken, executable);
        progress.WriteLine($"agent pid {agent.ProcessId} registered; settling 10 s, then measuring {window.TotalMinutes:F1} min");
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        var watch = new ProcessWatch(agent.ProcessId);
        await watch.WatchAsync(window, TimeSpan.FromSeconds(5), cancellationToken);

        return new Figures($"agent footprint: a real agent idle for {window.TotalMinutes:F1} min (poll hold {hold} s)")
            .Add("machine", Figures.Machine())
            .Add("agent process", executable is null
                ? "dotnet CloudAssist.Agent.dll (framework-dependent build)"
                : $"{executable} (as published)")
            .Add("resident memory", $"avg {Figures.MiB(watch.AverageResidentBytes)}, max {Figures.MiB(watch.MaxResidentBytes)}")
            .Add("resident at end", $"{Figures.MiB(watch.Last.ResidentBytes)}: own (RssAnon) {Figures.MiB(watch.Last.AnonymousBytes)}, "
                + $"mapped files (RssFile) {Figures.MiB(watch.Last.FileBytes)}")
            .Add("peak resident (VmHWM)", Figures.MiB(watch.Last.PeakResidentBytes) + " (includes start-up and registration)")
            .Add("CPU", $"{watch.CpuPercentOfOneCore:F2}% of one core ({(watch.Last.CpuTime.TotalSeconds):F2} s in all since start)")
            .Add("threads", watch.Last.Threads.ToString(CultureInfo.InvariantCulture));
    }
}
