namespace CloudAssist.Web.Schedules;

/// <summary>How the scheduler treats runs it could not make on time. Bound from the <c>Scheduler</c> section.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>
    /// A run that fell due while the server was down is made once at start-up if it is at most
    /// this late; older ones are recorded as missed. Default: 300 s.
    /// </summary>
    public int MissedRunGraceSeconds { get; set; } = 300;
}
