using CloudAssist.Data.Records;
using CloudAssist.Web.Schedules;

namespace CloudAssist.Web.Components.Schedules;

/// <summary>The timing of a schedule as the editor holds it while the operator types.</summary>
public sealed class ScheduleDraft
{
    /// <summary>The kind of rule. Default: cron.</summary>
    public ScheduleKind Kind { get; set; } = ScheduleKind.Cron;

    /// <summary>The cron expression, for Cron. Default: daily at 02:00.</summary>
    public string Cron { get; set; } = "0 2 * * *";

    /// <summary>The local date and time, for Once, as a datetime-local input gives it.</summary>
    public string RunAt { get; set; } = "";

    /// <summary>The IANA time zone. Default: UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>For Rate: how many units between runs. Default: 5.</summary>
    public int? Every { get; set; } = 5;

    /// <summary>For Rate: the unit. Default: minutes.</summary>
    public RateUnit Unit { get; set; } = RateUnit.Minutes;

    /// <summary>The timing as the schedule math takes it.</summary>
    public ScheduleSpec ToSpec() => ApplyTo(new SaveScheduleRequest()).ToSpec();

    /// <summary>A request carrying this timing and everything else from <paramref name="request"/>.</summary>
    public SaveScheduleRequest ApplyTo(SaveScheduleRequest request) => request with
    {
        Kind = Kind,
        Cron = Cron,
        RunAt = RunAt,
        TimeZone = TimeZone,
        Every = Every,
        Unit = Unit,
    };

    /// <summary>A draft holding a saved schedule's timing.</summary>
    public static ScheduleDraft From(ScheduleView schedule) => new()
    {
        Kind = schedule.Kind,
        Cron = schedule.Cron ?? "0 2 * * *",
        RunAt = schedule.RunAt ?? "",
        TimeZone = schedule.TimeZone,
        Every = schedule.Every ?? 5,
        Unit = schedule.Unit ?? RateUnit.Minutes,
    };
}
