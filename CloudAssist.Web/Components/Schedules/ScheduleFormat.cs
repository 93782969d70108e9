using System.Globalization;
using CloudAssist.Data.Records;
using MudBlazor;

namespace CloudAssist.Web.Components.Schedules;

/// <summary>How the schedule pages write times and outcomes.</summary>
public static class ScheduleFormat
{
    /// <summary>A time in UTC, or a dash when there is none.</summary>
    public static string When(DateTimeOffset? instant) =>
        instant is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "—";

    /// <summary>The chip colour of a run's outcome.</summary>
    public static Color Of(ScheduleRunOutcome? outcome) => outcome switch
    {
        ScheduleRunOutcome.Fired => Color.Success,
        ScheduleRunOutcome.Skipped => Color.Warning,
        ScheduleRunOutcome.Missed or ScheduleRunOutcome.Failed => Color.Error,
        _ => Color.Default,
    };

    /// <summary>The chip colour of an invocation's status.</summary>
    public static Color Of(InvocationStatus? status) => status switch
    {
        InvocationStatus.Success => Color.Success,
        InvocationStatus.Failed or InvocationStatus.PartialFailed => Color.Error,
        InvocationStatus.Running or InvocationStatus.Pending => Color.Info,
        _ => Color.Default,
    };
}
