using System.Diagnostics;

namespace CloudAssist.Bench.Measurement;

/// <summary>Polls a condition with a deadline; every wait in the benchmarks is bounded.</summary>
public static class Waiting
{
    public static async Task UntilAsync(
        Func<bool> condition,
        TimeSpan timeout,
        string what,
        CancellationToken cancellationToken,
        int pollMilliseconds = 1)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:F0} s for {what}.");
            }

            await Task.Delay(pollMilliseconds, cancellationToken);
        }
    }
}
