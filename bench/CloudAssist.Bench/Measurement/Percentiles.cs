namespace CloudAssist.Bench.Measurement;

/// <summary>Order statistics of a set of durations, by the nearest-rank method.</summary>
public sealed class Percentiles(IEnumerable<TimeSpan> samples)
{
    private readonly TimeSpan[] _sorted = samples.Order().ToArray();

    public int Count => _sorted.Length;

    public TimeSpan At(double percentile)
    {
        if (_sorted.Length == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public TimeSpan Max => _sorted.Length == 0 ? TimeSpan.Zero : _sorted[^1];

    /// <summary>p50, p90, p99 and max in milliseconds, for one line of a report.</summary>
    public string Summary() =>
        $"p50 {Ms(At(50))}  p90 {Ms(At(90))}  p99 {Ms(At(99))}  max {Ms(Max)}  (n={Count})";

    public static string Ms(TimeSpan value) => $"{value.TotalMilliseconds:F1} ms";
}
