namespace CloudAssist.Web.Schedules;

/// <summary>Converts rates between "every N units" and the seconds a schedule stores.</summary>
public static class RateUnits
{
    /// <summary>Seconds in one <paramref name="unit"/>.</summary>
    public static int Seconds(RateUnit unit) => unit switch
    {
        RateUnit.Minutes => 60,
        RateUnit.Hours => 3600,
        RateUnit.Days => 86400,
        _ => 1,
    };

    /// <summary>N units in seconds; null when it does not fit, so validation can say so.</summary>
    public static int? ToSeconds(int every, RateUnit unit)
    {
        var seconds = (long)every * Seconds(unit);
        return seconds is >= int.MinValue and <= int.MaxValue ? (int)seconds : null;
    }

    /// <summary>Stored seconds as the largest unit that divides them: 300 is every 5 minutes.</summary>
    public static (int Every, RateUnit Unit) Split(int seconds)
    {
        foreach (var unit in new[] { RateUnit.Days, RateUnit.Hours, RateUnit.Minutes })
        {
            if (seconds % Seconds(unit) == 0)
            {
                return (seconds / Seconds(unit), unit);
            }
        }

        return (seconds, RateUnit.Seconds);
    }

    /// <summary>"every 5 minutes", "every second".</summary>
    public static string Describe(int seconds)
    {
        var (every, unit) = Split(seconds);
        var name = unit.ToString().ToLowerInvariant();
        return every == 1 ? $"every {name.TrimEnd('s')}" : $"every {every} {name}";
    }
}
