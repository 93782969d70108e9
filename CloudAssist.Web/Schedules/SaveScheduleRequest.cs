using CloudAssist.Data.Records;

namespace CloudAssist.Web.Schedules;

/// <summary>A schedule to create or replace: what to run, where, and when.</summary>
public sealed record SaveScheduleRequest
{
    /// <summary>A saved command, run as it is at each firing; or leave empty and give <see cref="Content"/>.</summary>
    public string? CommandId { get; init; }

    /// <summary>Ad hoc script content, when no command id is given.</summary>
    public string? Content { get; init; }

    /// <summary>For ad hoc content: shell (default), bash, python or powershell.</summary>
    public string? CommandType { get; init; }

    /// <summary>For ad hoc content: a label for its execution records. Default: "Scheduled command".</summary>
    public string? Name { get; init; }

    /// <summary>Overrides the command's working directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Overrides the command's timeout; 1 to 86400 seconds.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The instances to run on: 1 to 1000 ids.</summary>
    public IReadOnlyList<string> InstanceIds { get; init; } = [];

    /// <summary>Once, Rate, Cron, NextReboot or EveryReboot.</summary>
    public ScheduleKind Kind { get; init; }

    /// <summary>For Cron: five fields, or six with seconds first.</summary>
    public string? Cron { get; init; }

    /// <summary>For Once: the local date and time in <see cref="TimeZone"/>, as <c>yyyy-MM-ddTHH:mm:ss</c>.</summary>
    public string? RunAt { get; init; }

    /// <summary>For Rate: how many <see cref="Unit"/>s between runs.</summary>
    public int? Every { get; init; }

    /// <summary>For Rate: the unit of <see cref="Every"/>. Default: minutes.</summary>
    public RateUnit Unit { get; init; } = RateUnit.Minutes;

    /// <summary>The IANA time zone for Cron and Once. Default: UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>False to save it paused. Default: true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The timing part, as the schedule math takes it.</summary>
    public ScheduleSpec ToSpec() => new(
        Kind,
        Kind switch
        {
            ScheduleKind.Cron => Cron ?? "",
            ScheduleKind.Once => RunAt ?? "",
            _ => "",
        },
        string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone.Trim(),
        Kind == ScheduleKind.Rate && Every is { } every ? RateUnits.ToSeconds(every, Unit) ?? 0 : null);
}
