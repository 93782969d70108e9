using System.Globalization;

namespace CloudAssist.Web.Components.Shared;

/// <summary>How the console writes times and durations.</summary>
public static class TimeText
{
    /// <summary>"12 s ago", "5 min ago", "3 h ago", "2 d ago".</summary>
    public static string Ago(DateTimeOffset then, DateTimeOffset now)
    {
        var elapsed = now - then;
        if (elapsed < TimeSpan.Zero)
        {
            elapsed = TimeSpan.Zero;
        }

        return elapsed.TotalSeconds < 60 ? $"{(int)elapsed.TotalSeconds} s ago"
            : elapsed.TotalMinutes < 60 ? $"{(int)elapsed.TotalMinutes} min ago"
            : elapsed.TotalHours < 24 ? $"{(int)elapsed.TotalHours} h ago"
            : $"{(int)elapsed.TotalDays} d ago";
    }

    /// <summary>A duration between two times, or an empty string when it has not ended.</summary>
    public static string Duration(DateTimeOffset? start, DateTimeOffset? end)
    {
        if (start is null || end is null)
        {
            return "";
        }

        var span = end.Value - start.Value;
        return span.TotalSeconds < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:F1} s")
            : $"{(int)span.TotalMinutes} min {span.Seconds} s";
    }

    /// <summary>A time in UTC, to the second.</summary>
    public static string Utc(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss") + (time is null ? "" : " UTC");
}
