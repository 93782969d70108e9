namespace CloudAssist.Web.Schedules;

/// <summary>
/// Turns a wall-clock time in a time zone into instants, across daylight-saving changes: a
/// time in the hour skipped in spring has no instant of its own, and a time in the hour
/// repeated in autumn has two.
/// </summary>
public static class WallClock
{
    /// <summary>The wall-clock time at <paramref name="instant"/> in the zone, without an offset.</summary>
    public static DateTime ToWall(TimeZoneInfo zone, DateTimeOffset instant) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>Every instant the zone's clocks show <paramref name="wall"/>: none, one, or two, earliest first.</summary>
    public static IReadOnlyList<DateTimeOffset> AllInstants(TimeZoneInfo zone, DateTime wall)
    {
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            return [];
        }

        if (zone.IsAmbiguousTime(wall))
        {
            return zone.GetAmbiguousTimeOffsets(wall)
                .Select(offset => new DateTimeOffset(wall, offset))
                .OrderBy(instant => instant.UtcTicks)
                .ToList();
        }

        return [new DateTimeOffset(wall, zone.GetUtcOffset(wall))];
    }

    /// <summary>
    /// The one instant a fixed-time run at <paramref name="wall"/> happens: the first when the
    /// time occurs twice, and the moment the clocks jump when it is skipped.
    /// </summary>
    public static DateTimeOffset FirstInstant(TimeZoneInfo zone, DateTime wall)
    {
        var instants = AllInstants(zone, wall);
        return instants.Count > 0 ? instants[0] : JumpInstant(zone, DateTime.SpecifyKind(wall, DateTimeKind.Unspecified));
    }

    /// <summary>The instant the clocks jumped over <paramref name="skipped"/>, shown in the new offset.</summary>
    private static DateTimeOffset JumpInstant(TimeZoneInfo zone, DateTime skipped)
    {
        // Offsets either side of the gap; no zone changes its offset twice within three hours.
        var before = zone.GetUtcOffset(skipped.AddHours(-3));
        var after = zone.GetUtcOffset(skipped.AddHours(3));
        var low = new DateTimeOffset(skipped, after).ToUnixTimeSeconds();
        var high = new DateTimeOffset(skipped, before).ToUnixTimeSeconds();
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(middle)) == after)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return DateTimeOffset.FromUnixTimeSeconds(low).ToOffset(after);
    }
}
