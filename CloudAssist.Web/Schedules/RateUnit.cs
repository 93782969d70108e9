namespace CloudAssist.Web.Schedules;

/// <summary>The unit a rate is given in.</summary>
public enum RateUnit
{
    Seconds,
    Minutes,
    Hours,
    Days,
}
