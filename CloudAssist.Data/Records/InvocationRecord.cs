namespace CloudAssist.Data.Records;

/// <summary>One request to run a command on a set of instances, with the command as it was then.</summary>
public sealed record InvocationRecord
{
    /// <summary>The id, <c>inv-...</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>The saved command it ran, or null for ad hoc content.</summary>
    public string? CommandId { get; init; }

    /// <summary>The command's name at that moment, or a label for ad hoc content.</summary>
    public string CommandName { get; init; } = "";

    /// <summary>The command type.</summary>
    public string CommandType { get; init; } = CommandTypes.Shell;

    /// <summary>The script as it was sent.</summary>
    public string Content { get; init; } = "";

    /// <summary>The working directory, if one was given.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The timeout each task ran with.</summary>
    public int TimeoutSeconds { get; init; }

    /// <summary>Parameter values as JSON.</summary>
    public string ParametersJson { get; init; } = "{}";

    /// <summary>manual, schedule or reboot.</summary>
    public string TriggerKind { get; init; } = "manual";

    /// <summary>Who asked.</summary>
    public string CreatedBy { get; init; } = "";

    /// <summary>When it was asked.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The aggregated status.</summary>
    public InvocationStatus Status { get; init; }

    /// <summary>How many tasks it has.</summary>
    public int TaskCount { get; init; }

    /// <summary>When a stop was requested, if one was.</summary>
    public DateTimeOffset? StopRequestedAt { get; init; }

    /// <summary>When its last task finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>At most this many tasks run at once; null for no limit.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>After this many tasks end without success, no new task starts; null for no limit.</summary>
    public int? MaxErrors { get; init; }

    /// <summary>The tags the targets were chosen by, comma separated; null when chosen by id.</summary>
    public string? TargetTags { get; init; }

    /// <summary>The user the script runs as; null for the agent's own user.</summary>
    public string? RunAs { get; init; }

    /// <summary>Extra environment variables for the script, as a JSON object.</summary>
    public string EnvironmentJson { get; init; } = "{}";

    /// <summary>The schedule that fired it; null when it was not fired by one.</summary>
    public string? ScheduleId { get; init; }
}
