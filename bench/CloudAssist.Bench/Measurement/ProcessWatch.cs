using System.Diagnostics;

namespace CloudAssist.Bench.Measurement;

/// <summary>Samples a process over a window: its CPU share of one core and its resident memory.</summary>
public sealed class ProcessWatch(int pid)
{
    private readonly List<long> _resident = [];
    private ProcessSample? _first;
    private ProcessSample? _last;
    private long _startedAt;
    private long _endedAt;

    /// <summary>Samples every <paramref name="interval"/> until <paramref name="window"/> has passed.</summary>
    public async Task WatchAsync(TimeSpan window, TimeSpan interval, CancellationToken cancellationToken)
    {
        _first = ProcessSample.Read(pid);
        _startedAt = Stopwatch.GetTimestamp();
        _resident.Add(_first.ResidentBytes);
        var deadline = _startedAt + (long)(window.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            await Task.Delay(left < interval ? left : interval, cancellationToken);
            _last = ProcessSample.Read(pid);
            _resident.Add(_last.ResidentBytes);
        }

        _last ??= ProcessSample.Read(pid);
        _endedAt = Stopwatch.GetTimestamp();
    }

    public TimeSpan Window => Stopwatch.GetElapsedTime(_startedAt, _endedAt);

    /// <summary>CPU used over the window as a percentage of one core.</summary>
    public double CpuPercentOfOneCore => 100 * (_last!.CpuTime - _first!.CpuTime).TotalSeconds / Window.TotalSeconds;

    public long AverageResidentBytes => (long)_resident.Average();

    public long MaxResidentBytes => _resident.Max();

    public ProcessSample Last => _last!;
}
