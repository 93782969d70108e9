using System.Diagnostics;
using System.Globalization;
using CloudAssist.Bench.Fleet;
using CloudAssist.Bench.Hosting;
using CloudAssist.Bench.Measurement;

namespace CloudAssist.Bench.Benchmarks;

/// <summary>
/// N virtual agents long-polling with nothing to do; the server, a process of its own, is
/// watched through /proc for its CPU and memory.
/// </summary>
public static class IdleFleetBenchmark
{
    public static async Task<Figures> RunAsync(BenchArguments args, TextWriter progress, CancellationToken cancellationToken)
    {
        var agents = args.Int("agents", 10_000, 1, 50_000);
        var window = args.Minutes("minutes", 5);
        var hold = args.Int("hold", 25, 1, 90);
        args.EnsureAllRead();
        FileLimits.EnsureRoomFor(agents);

        await using var server = await ChildServer.StartAsync(hold, cancellationToken);
        progress.WriteLine($"server pid {server.ProcessId} at {server.Url}; registering {agents} agents");
        var profile = new VirtualTaskProfile(0, 1, TimeSpan.Zero);
        await using var fleet = await VirtualFleet.RegisterAsync(server, agents, profile, cancellationToken);
        var afterRegistration = ProcessSample.Read(server.ProcessId);

        // First polls spread over one hold, as agents started at different times would be, then
        // one more hold so that every agent is in its steady poll cycle before measuring.
        progress.WriteLine($"registered in {fleet.RegistrationTime.TotalSeconds:F1} s; polling, warming up {2 * hold} s");
        fleet.Start(TimeSpan.FromSeconds(hold));
        await Task.Delay(TimeSpan.FromSeconds(2 * hold), cancellationToken);
        progress.WriteLine($"measuring for {window.TotalMinutes:F1} min");
        var polls = fleet.Counters.Polls;
        var selfBefore = ProcessSample.Read(Environment.ProcessId).CpuTime;
        var watch = new ProcessWatch(server.ProcessId);
        try
        {
            await watch.WatchAsync(window, TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"The server stopped during the measurement: {server.Describe()}");
        }
        var selfCpu = ProcessSample.Read(Environment.ProcessId).CpuTime - selfBefore;
        var answered = fleet.Counters.Polls - polls;

        return new Figures($"idle fleet: {agents} virtual agents long-polling (hold {hold} s) for {window.TotalMinutes:F1} min")
            .Add("machine", Figures.Machine())
            .Add("registration", $"{fleet.RegistrationTime.TotalSeconds:F1} s ({agents / fleet.RegistrationTime.TotalSeconds:F0} agents/s)")
            .Add("polls answered", $"{answered / watch.Window.TotalSeconds:F0} /s; errors {fleet.Counters.PollErrors}")
            .Add("polls held at the end", fleet.Counters.PollsInFlight.ToString(CultureInfo.InvariantCulture))
            .Add("server CPU", $"{watch.CpuPercentOfOneCore:F1}% of one core")
            .Add("server resident memory", $"avg {Figures.MiB(watch.AverageResidentBytes)}, max {Figures.MiB(watch.MaxResidentBytes)}")
            .Add("server resident at end", $"{Figures.MiB(watch.Last.ResidentBytes)}: own (RssAnon) {Figures.MiB(watch.Last.AnonymousBytes)}, "
                + $"mapped files (RssFile) {Figures.MiB(watch.Last.FileBytes)}")
            .Add("server peak resident (VmHWM)", $"{Figures.MiB(watch.Last.PeakResidentBytes)} (includes registration)")
            .Add("server resident after registration", Figures.MiB(afterRegistration.ResidentBytes))
            .Add("server threads", watch.Last.Threads.ToString(CultureInfo.InvariantCulture))
            .Add("simulator CPU (for context)", $"{100 * selfCpu.TotalSeconds / watch.Window.TotalSeconds:F1}% of one core");
    }
}
