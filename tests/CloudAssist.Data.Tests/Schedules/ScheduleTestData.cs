using System.Text.Json;
using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;
using CloudAssist.Data.Tests.Infrastructure;

namespace CloudAssist.Data.Tests.Schedules;

/// <summary>Schedules and runs with sensible defaults; tests override what they are about.</summary>
public static class ScheduleTestData
{
    public static ScheduleRecord Cron(params string[] instanceIds) => new()
    {
        Id = Ids.New("sch"),
        CommandName = "uptime",
        CommandType = CommandTypes.Shell,
        Content = "uptime",
        InstanceIdsJson = JsonSerializer.Serialize(instanceIds),
        Kind = ScheduleKind.Cron,
        Expression = "*/5 * * * *",
        TimeZone = "Europe/Berlin",
        Enabled = true,
        NextRunAt = TestData.Now.AddMinutes(5),
        CreatedBy = "operator",
        CreatedAt = TestData.Now,
        UpdatedAt = TestData.Now,
    };

    public static ScheduleRunRecord Run(
        ScheduleRecord schedule,
        ScheduleRunOutcome outcome,
        DateTimeOffset at,
        string? invocationId = null,
        string? instanceId = null) => new()
    {
        Id = Ids.New("run"),
        ScheduleId = schedule.Id,
        DueAt = at,
        RecordedAt = at,
        Outcome = outcome,
        InvocationId = invocationId,
        InstanceId = instanceId,
        Detail = outcome.ToString(),
    };
}
