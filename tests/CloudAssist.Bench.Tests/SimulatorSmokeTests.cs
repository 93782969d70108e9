using CloudAssist.Bench;
using CloudAssist.Bench.Benchmarks;

namespace CloudAssist.Bench.Tests;

/// <summary>Keeps the fleet simulator working: its smoke mode against a real server on real Kestrel.</summary>
public sealed class SimulatorSmokeTests
{
    [Fact]
    public async Task Smoke_FiveVirtualAgentsThreeRounds_EveryTaskSucceedsWithItsOutput()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var args = BenchArguments.Of("smoke", ("agents", 5), ("rounds", 3));

        var result = await SmokeBenchmark.RunAsync(args, deadline.Token);

        Assert.Equal(15, result.Tasks);
        Assert.Equal(result.Tasks, result.Succeeded);
        Assert.Equal(result.Tasks, result.NotifiedSuccesses);
        Assert.Equal(result.ExpectedOutputBytes, result.StoredOutputBytes);
        Assert.Equal(0, result.ReportErrors);
    }

    [Fact]
    public void Parse_UnknownOption_RefusedBeforeAnythingRuns()
    {
        var sut = BenchArguments.Parse(["smoke", "--agnets", "5"]);

        var error = Assert.Throws<ArgumentException>(() =>
        {
            sut.Int("agents", 5, 1, 100);
            sut.EnsureAllRead();
        });

        Assert.Contains("--agnets", error.Message, StringComparison.Ordinal);
    }
}
