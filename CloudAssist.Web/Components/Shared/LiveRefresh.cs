namespace CloudAssist.Web.Components.Shared;

/// <summary>
/// Coalesces bursts of live events into at most one refresh per interval (default 150 ms), so a
/// thousand task updates cost a handful of reloads and a change still shows within 250 ms.
/// </summary>
public sealed class LiveRefresh(Func<Task> refresh, TimeProvider time, TimeSpan? interval = null) : IDisposable
{
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromMilliseconds(150);
    private ITimer? _timer;
    private int _pending;

    /// <summary>Asks for a refresh; several asks within the interval give one refresh.</summary>
    public void Request()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }

        var timer = time.CreateTimer(_ => _ = RunAsync(), null, _interval, Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _timer, timer)?.Dispose();
    }

    public void Dispose() => _timer?.Dispose();

    private async Task RunAsync()
    {
        Interlocked.Exchange(ref _pending, 0);
        try
        {
            await refresh();
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the event and the refresh.
        }
    }
}
