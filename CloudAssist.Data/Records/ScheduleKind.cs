namespace CloudAssist.Data.Records;

/// <summary>When a schedule fires.</summary>
public enum ScheduleKind
{
    /// <summary>Once, at a date and time in the schedule's time zone.</summary>
    Once,

    /// <summary>Every <see cref="ScheduleRecord.RateSeconds"/> seconds of real time.</summary>
    Rate,

    /// <summary>By a cron expression of five fields, or six with seconds first, in a time zone.</summary>
    Cron,

    /// <summary>On each target's next reboot only; disabled once every target has had one.</summary>
    NextReboot,

    /// <summary>On every reboot of each target.</summary>
    EveryReboot,
}
