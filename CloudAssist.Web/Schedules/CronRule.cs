using System.Text.RegularExpressions;
using NCrontab;

namespace CloudAssist.Web.Schedules;

/// <summary>
/// A parsed cron expression: five fields (minute hour day-of-month month day-of-week), or six
/// with seconds first. Parsing says exactly what is wrong with an expression that is not valid.
/// </summary>
public sealed partial class CronRule
{
    private static readonly string[] FiveFields = ["minute", "hour", "day-of-month", "month", "day-of-week"];
    private static readonly string[] SixFields = ["second", .. FiveFields];

    private readonly CrontabSchedule _schedule;

    private CronRule(CrontabSchedule schedule, bool includesSeconds, bool everyHour)
    {
        _schedule = schedule;
        IncludesSeconds = includesSeconds;
        EveryHour = everyHour;
    }

    /// <summary>True for the six-field form, which starts with seconds.</summary>
    public bool IncludesSeconds { get; }

    /// <summary>
    /// True when the hour field is <c>*</c>: such a job follows real time across daylight-saving
    /// changes instead of the wall clock (see docs/decisions.md).
    /// </summary>
    public bool EveryHour { get; }

    /// <summary>Parses <paramref name="expression"/>; on failure <paramref name="error"/> says what to fix.</summary>
    public static bool TryParse(string? expression, out CronRule? rule, out string? error)
    {
        rule = null;
        var fields = (expression ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            error = fields.Length == 0
                ? "Enter a cron expression, for example */5 * * * * (every 5 minutes)."
                : $"A cron expression has 5 fields (minute hour day-of-month month day-of-week), or 6 with "
                  + $"seconds first; this one has {fields.Length}.";
            return false;
        }

        var names = fields.Length == 6 ? SixFields : FiveFields;
        for (var i = 0; i < fields.Length; i++)
        {
            if (ZeroStep().IsMatch(fields[i]))
            {
                error = $"The {names[i]} field '{fields[i]}' has a step of 0, which never advances; use /1 or more.";
                return false;
            }
        }

        try
        {
            var schedule = CrontabSchedule.Parse(
                string.Join(' ', fields), new CrontabSchedule.ParseOptions { IncludingSeconds = fields.Length == 6 });
            var hour = fields[fields.Length == 6 ? 2 : 1];
            rule = new CronRule(schedule, fields.Length == 6, hour is "*" or "*/1");
        }
        catch (CrontabException ex)
        {
            error = ex.Message;
            return false;
        }

        if (rule.NextWall(new DateTime(2000, 1, 1), new DateTime(2100, 1, 1)) is null)
        {
            rule = null;
            error = "This expression matches no date at all (such as 31 February); "
                    + "check the day-of-month and month fields.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>The first matching wall-clock time after <paramref name="after"/>, or null before <paramref name="end"/>.</summary>
    public DateTime? NextWall(DateTime after, DateTime end)
    {
        var next = _schedule.GetNextOccurrence(after, end);
        return next >= end ? null : DateTime.SpecifyKind(next, DateTimeKind.Unspecified);
    }

    [GeneratedRegex(@"/0+(?![0-9])")]
    private static partial Regex ZeroStep();
}
