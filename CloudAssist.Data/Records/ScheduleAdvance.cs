namespace CloudAssist.Data.Records;

/// <summary>
/// How a recorded run moves its schedule on. Applied only while the schedule's next run is still
/// <paramref name="ExpectedNextRunAt"/>, so a pause or edit made meanwhile is not overwritten.
/// </summary>
/// <param name="ExpectedNextRunAt">The next run the scheduler acted on.</param>
/// <param name="NextRunAt">The next run from now on; null when there is none.</param>
/// <param name="Enabled">False to end the schedule (a one-off that has run).</param>
public sealed record ScheduleAdvance(DateTimeOffset? ExpectedNextRunAt, DateTimeOffset? NextRunAt, bool Enabled);
