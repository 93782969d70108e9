using System.Globalization;
using CloudAssist.Data.Records;

namespace CloudAssist.Web.Schedules;

/// <summary>
/// A schedule's timing, checked and ready to answer "when next?". Pure: it reads no clock, so
/// every answer follows from its arguments. Daylight-saving rules are in docs/decisions.md.
/// </summary>
public sealed class ScheduleRule
{
    /// <summary>The format of a Once schedule's local date and time.</summary>
    public const string RunAtFormat = "yyyy-MM-ddTHH:mm:ss";

    /// <summary>The longest rate: 365 days.</summary>
    public const int MaxRateSeconds = 365 * 24 * 60 * 60;

    private static readonly string[] RunAtFormats = [RunAtFormat, "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];

    private readonly CronRule? _cron;
    private readonly DateTime _runAt;

    private ScheduleRule(ScheduleSpec spec, TimeZoneInfo zone, CronRule? cron, DateTime runAt)
    {
        Spec = spec;
        Zone = zone;
        _cron = cron;
        _runAt = runAt;
    }

    /// <summary>The spec, with a Once time in its canonical format.</summary>
    public ScheduleSpec Spec { get; }

    /// <summary>The time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>True for the kinds that reboots drive rather than the clock.</summary>
    public bool IsRebootDriven => Spec.Kind is ScheduleKind.NextReboot or ScheduleKind.EveryReboot;

    /// <summary>Checks a spec. Errors are keyed by the field to fix: cron, runAt, every or timeZone.</summary>
    public static (ScheduleRule? Rule, Dictionary<string, string[]> Errors) Parse(ScheduleSpec spec)
    {
        var errors = new Dictionary<string, string[]>();
        var zone = FindZone(spec.TimeZone, errors);
        CronRule? cron = null;
        var runAt = default(DateTime);
        switch (spec.Kind)
        {
            case ScheduleKind.Cron when !CronRule.TryParse(spec.Expression, out cron, out var error):
                errors["cron"] = [error!];
                break;
            case ScheduleKind.Once when !TryParseRunAt(spec.Expression, out runAt):
                errors["runAt"] = [$"Give the date and time as {RunAtFormat}, for example 2026-03-08T02:30:00."];
                break;
            case ScheduleKind.Rate when spec.RateSeconds is not (>= 1 and <= MaxRateSeconds):
                errors["every"] = ["Give a rate from 1 second to 365 days."];
                break;
        }

        if (errors.Count > 0 || zone is null)
        {
            return (null, errors);
        }

        var expression = spec.Kind switch
        {
            ScheduleKind.Cron => string.Join(' ', spec.Expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            ScheduleKind.Once => runAt.ToString(RunAtFormat, CultureInfo.InvariantCulture),
            _ => "",
        };
        var canonical = spec with
        {
            Expression = expression,
            TimeZone = zone.Id,
            RateSeconds = spec.Kind == ScheduleKind.Rate ? spec.RateSeconds : null,
        };
        return (new ScheduleRule(canonical, zone, cron, runAt), errors);
    }

    /// <summary>
    /// The first run strictly after <paramref name="after"/>, or null when there is none (a Once
    /// time that has passed, a reboot schedule). A rate counts on from <paramref name="previousDue"/>
    /// when given, so its runs keep their step; otherwise from <paramref name="after"/>.
    /// </summary>
    public DateTimeOffset? Next(DateTimeOffset after, DateTimeOffset? previousDue = null) => Spec.Kind switch
    {
        ScheduleKind.Rate => NextRate(after, previousDue),
        ScheduleKind.Cron => NextCron(after),
        ScheduleKind.Once => WallClock.FirstInstant(Zone, _runAt) is var at && at > after ? at : null,
        _ => null,
    };

    /// <summary>Up to <paramref name="count"/> runs after <paramref name="after"/>, earliest first.</summary>
    public IReadOnlyList<DateTimeOffset> Preview(DateTimeOffset after, int count)
    {
        var runs = new List<DateTimeOffset>(count);
        DateTimeOffset? previous = null;
        var cursor = after;
        while (runs.Count < count && Next(cursor, previous) is { } next)
        {
            runs.Add(next);
            previous = next;
            cursor = next;
        }

        return runs;
    }

    private DateTimeOffset NextRate(DateTimeOffset after, DateTimeOffset? previousDue)
    {
        var step = TimeSpan.FromSeconds(Spec.RateSeconds!.Value);
        if (previousDue is not { } anchor || anchor > after)
        {
            return previousDue is { } future && future > after ? future : after + step;
        }

        var steps = ((after - anchor).Ticks / step.Ticks) + 1;
        return anchor + (step * steps);
    }

    private DateTimeOffset? NextCron(DateTimeOffset after)
    {
        // Runs in an autumn repeated hour can lie before `after` on the wall clock yet after it
        // in real time, so the search starts early by the offset change ahead, if any.
        var offsetNow = Zone.GetUtcOffset(after);
        var offsetSoon = Zone.GetUtcOffset(after.AddHours(3));
        var change = (offsetNow - offsetSoon).Duration();
        var start = WallClock.ToWall(Zone, after) - (offsetNow > offsetSoon ? change : TimeSpan.Zero);
        var end = start.AddYears(30);
        DateTimeOffset? best = null;
        var bestWall = DateTime.MaxValue;
        var wall = start.AddTicks(-1);
        for (var i = 0; i < 100_000 && _cron!.NextWall(wall, end) is { } candidate; i++)
        {
            if (best is not null && candidate > bestWall + change)
            {
                break;
            }

            var instants = _cron.EveryHour
                ? WallClock.AllInstants(Zone, candidate)
                : [WallClock.FirstInstant(Zone, candidate)];
            foreach (var instant in instants.Where(t => t > after && (best is null || t < best)))
            {
                best = instant;
                bestWall = candidate;
            }

            wall = candidate;
        }

        return best;
    }

    private static bool TryParseRunAt(string expression, out DateTime runAt) =>
        DateTime.TryParseExact(
            expression.Trim(), RunAtFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out runAt);

    private static TimeZoneInfo? FindZone(string id, Dictionary<string, string[]> errors)
    {
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            if (zone.HasIanaId)
            {
                return zone;
            }
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            // Reported below with the other case, in words the operator can act on.
        }

        errors["timeZone"] = [$"'{id}' is not a known IANA time zone; use a name such as UTC, Europe/Berlin or America/New_York."];
        return null;
    }
}
