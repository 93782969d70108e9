using CloudAssist.Data.Records;

namespace CloudAssist.Web.Schedules;

/// <summary>The timing part of a schedule, as stored and as the editor builds it.</summary>
/// <param name="Kind">The kind of rule.</param>
/// <param name="Expression">The cron expression, or for Once the local time <c>yyyy-MM-ddTHH:mm:ss</c>.</param>
/// <param name="TimeZone">The IANA time zone the expression is read in.</param>
/// <param name="RateSeconds">For Rate: seconds between runs.</param>
public sealed record ScheduleSpec(ScheduleKind Kind, string Expression, string TimeZone, int? RateSeconds)
{
    /// <summary>The spec a stored schedule carries.</summary>
    public static ScheduleSpec From(ScheduleRecord schedule) =>
        new(schedule.Kind, schedule.Expression, schedule.TimeZone, schedule.RateSeconds);
}
