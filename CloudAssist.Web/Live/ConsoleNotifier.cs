namespace CloudAssist.Web.Live;

/// <summary>
/// The in-process notifier that console components subscribe to. Publishing never waits on a
/// subscriber, and one subscriber's failure never reaches another or the publisher.
/// </summary>
public sealed partial class ConsoleNotifier(ILogger<ConsoleNotifier> logger)
{
    private readonly Lock _gate = new();
    private Action<ConsoleEvent>[] _subscribers = [];

    /// <summary>Subscribes; dispose the result to unsubscribe (components do so in Dispose).</summary>
    public IDisposable Subscribe(Action<ConsoleEvent> handler)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers, handler];
        }

        return new Subscription(this, handler);
    }

    /// <summary>How many subscribers there are now.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>Tells every subscriber.</summary>
    public void Publish(ConsoleEvent change)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(change);
            }
            catch (Exception ex)
            {
                LogSubscriberFailed(logger, ex, change.GetType().Name);
            }
        }
    }

    private void Unsubscribe(Action<ConsoleEvent> handler)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Where(s => s != handler).ToArray();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A console subscriber failed on {EventType}")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string eventType);

    private sealed class Subscription(ConsoleNotifier owner, Action<ConsoleEvent> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(handler);
            }
        }
    }
}
