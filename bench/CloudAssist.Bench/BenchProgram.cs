using CloudAssist.Bench.Benchmarks;
using CloudAssist.Bench.Measurement;

namespace CloudAssist.Bench;

/// <summary>Runs one benchmark named on the command line and prints its figures. See docs/benchmarks.md.</summary>
public static class BenchProgram
{
    private const string Usage = """
        usage: CloudAssist.Bench <benchmark> [--option value ...]
          dispatch    [--runs 200] [--hold 25] [--agent-executable PATH]
          fanout      [--agents 1000] [--hold 25]
          idle        [--agents 10000] [--minutes 5] [--hold 25]
          ingest      [--agents 100] [--seconds 20] [--output-bytes 16384] [--chunk-bytes 4096] [--in-flight 2]
          agent-idle  [--minutes 5] [--hold 25] [--agent-executable PATH]
          smoke       [--agents 5] [--rounds 3]
        """;

    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        BenchArguments arguments;
        try
        {
            arguments = BenchArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"{ex.Message}\n{Usage}");
            return 2;
        }

        try
        {
            return await RunAsync(arguments, cancel.Token);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"{ex.Message}\n{Usage}");
            return 2;
        }
    }

    private static async Task<int> RunAsync(BenchArguments args, CancellationToken cancellationToken)
    {
        Figures figures;
        switch (args.Command)
        {
            case "dispatch":
                figures = await DispatchBenchmark.RunAsync(args, cancellationToken);
                break;
            case "fanout":
                figures = await FanOutBenchmark.RunAsync(args, cancellationToken);
                break;
            case "idle":
                figures = await IdleFleetBenchmark.RunAsync(args, Console.Out, cancellationToken);
                break;
            case "ingest":
                figures = await IngestBenchmark.RunAsync(args, cancellationToken);
                break;
            case "agent-idle":
                figures = await AgentIdleBenchmark.RunAsync(args, Console.Out, cancellationToken);
                break;
            case "smoke":
                var smoke = await SmokeBenchmark.RunAsync(args, cancellationToken);
                smoke.Figures.Print(Console.Out);
                return smoke.Passed ? 0 : 1;
            default:
                throw new ArgumentException($"No benchmark is called '{args.Command}'.");
        }

        figures.Print(Console.Out);
        return 0;
    }
}
