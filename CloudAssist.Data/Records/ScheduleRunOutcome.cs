namespace CloudAssist.Data.Records;

/// <summary>What became of one due run of a schedule.</summary>
public enum ScheduleRunOutcome
{
    /// <summary>An invocation was created.</summary>
    Fired,

    /// <summary>Not run: the previous run was still going on every target.</summary>
    Skipped,

    /// <summary>Not run: it fell due while the server was down, longer ago than the grace period.</summary>
    Missed,

    /// <summary>Not run: the invocation could not be created (a deleted command, no valid target).</summary>
    Failed,
}
