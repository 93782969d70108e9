using CloudAssist.Web.Live;

namespace CloudAssist.Web.Schedules;

/// <summary>A schedule was created, edited, paused, resumed, deleted, or recorded a run.</summary>
public sealed record ScheduleChanged(string ScheduleId) : ConsoleEvent;
