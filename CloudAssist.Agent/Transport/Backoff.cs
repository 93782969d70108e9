namespace CloudAssist.Agent.Transport;

/// <summary>Capped exponential backoff with jitter (each wait is between half and all of the ceiling), so a restarted server is not hit by every agent at once.</summary>
public sealed class Backoff(TimeSpan initial, TimeSpan max)
{
    private int _attempt;

    public TimeSpan Next()
    {
        var exponent = Math.Min(_attempt++, 16);
        var ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, exponent));
        var jittered = (ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2);
        return TimeSpan.FromMilliseconds(jittered);
    }

    public void Reset() => _attempt = 0;
}
