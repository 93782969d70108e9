namespace CloudAssist.Data.Records;

/// <summary>A command to run on a set of instances at times a rule gives, or on their reboots.</summary>
public sealed record ScheduleRecord
{
    /// <summary>The id, <c>sch-...</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>The saved command to run, as it is when the schedule fires; null for ad hoc content.</summary>
    public string? CommandId { get; init; }

    /// <summary>The command's name when the schedule was saved, or the ad hoc content's label.</summary>
    public string CommandName { get; init; } = "";

    /// <summary>For ad hoc content: the command type. Ignored for a saved command.</summary>
    public string CommandType { get; init; } = CommandTypes.Shell;

    /// <summary>For ad hoc content: the script. Empty for a saved command.</summary>
    public string Content { get; init; } = "";

    /// <summary>Overrides the command's working directory when set.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Overrides the command's timeout when set.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The target instance ids as a JSON array of strings.</summary>
    public string InstanceIdsJson { get; init; } = "[]";

    /// <summary>The kind of rule.</summary>
    public ScheduleKind Kind { get; init; }

    /// <summary>
    /// For <see cref="ScheduleKind.Cron"/> the cron expression; for <see cref="ScheduleKind.Once"/>
    /// the local date and time as <c>yyyy-MM-ddTHH:mm:ss</c>; empty otherwise.
    /// </summary>
    public string Expression { get; init; } = "";

    /// <summary>The IANA time zone that <see cref="Expression"/> is read in. Default: UTC.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>For <see cref="ScheduleKind.Rate"/>: the seconds between runs.</summary>
    public int? RateSeconds { get; init; }

    /// <summary>False while paused, and after a one-off schedule has run.</summary>
    public bool Enabled { get; init; }

    /// <summary>When it fires next; null when paused, done, or driven by reboots.</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    /// <summary>When its latest run was recorded.</summary>
    public DateTimeOffset? LastRunAt { get; init; }

    /// <summary>What became of its latest run.</summary>
    public ScheduleRunOutcome? LastRunOutcome { get; init; }

    /// <summary>The invocation its latest run created, if it created one.</summary>
    public string? LastInvocationId { get; init; }

    /// <summary>That invocation's status now; read from the invocation, not stored here.</summary>
    public InvocationStatus? LastInvocationStatus { get; init; }

    /// <summary>Who created it.</summary>
    public string CreatedBy { get; init; } = "";

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its rule, targets or state were last changed by an operator.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
