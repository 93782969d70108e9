namespace CloudAssist.Bench.Fleet;

/// <summary>What the virtual agents did, counted across the fleet; safe to read at any time.</summary>
public sealed class FleetCounters
{
    private long _pollsInFlight;
    private long _polls;
    private long _pollErrors;
    private long _started;
    private long _chunks;
    private long _outputBytes;
    private long _finished;
    private long _reportErrors;

    /// <summary>Called with the task id once the server has accepted the started report.</summary>
    public Action<string>? TaskStarted { get; set; }

    /// <summary>Called with the task id once the server has accepted the finished report.</summary>
    public Action<string>? TaskFinished { get; set; }

    public long PollsInFlight => Interlocked.Read(ref _pollsInFlight);

    public long Polls => Interlocked.Read(ref _polls);

    public long PollErrors => Interlocked.Read(ref _pollErrors);

    public long Started => Interlocked.Read(ref _started);

    public long Chunks => Interlocked.Read(ref _chunks);

    public long OutputBytes => Interlocked.Read(ref _outputBytes);

    public long Finished => Interlocked.Read(ref _finished);

    public long ReportErrors => Interlocked.Read(ref _reportErrors);

    internal void PollSent() => Interlocked.Increment(ref _pollsInFlight);

    internal void PollEnded(bool ok)
    {
        Interlocked.Decrement(ref _pollsInFlight);
        Interlocked.Increment(ref ok ? ref _polls : ref _pollErrors);
    }

    internal void StartedStored(string taskId)
    {
        Interlocked.Increment(ref _started);
        TaskStarted?.Invoke(taskId);
    }

    internal void ChunkStored(int bytes)
    {
        Interlocked.Increment(ref _chunks);
        Interlocked.Add(ref _outputBytes, bytes);
    }

    internal void FinishedStored(string taskId)
    {
        Interlocked.Increment(ref _finished);
        TaskFinished?.Invoke(taskId);
    }

    internal void ReportFailed() => Interlocked.Increment(ref _reportErrors);
}
