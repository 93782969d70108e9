using System.Text.Json;
using CloudAssist.Data.Records;

namespace CloudAssist.Web.Schedules;

/// <summary>A schedule as the operator API returns it, in the terms of <see cref="SaveScheduleRequest"/>.</summary>
public sealed record ScheduleView
{
    public string Id { get; init; } = "";
    public string? CommandId { get; init; }
    public string CommandName { get; init; } = "";
    public string CommandType { get; init; } = "";
    public string? Content { get; init; }
    public string? WorkingDirectory { get; init; }
    public int? TimeoutSeconds { get; init; }
    public IReadOnlyList<string> InstanceIds { get; init; } = [];
    public ScheduleKind Kind { get; init; }
    public string? Cron { get; init; }
    public string? RunAt { get; init; }
    public int? Every { get; init; }
    public RateUnit? Unit { get; init; }
    public string TimeZone { get; init; } = "UTC";

    /// <summary>The rule in words, such as "every 5 minutes" or "cron 0 2 * * * (Europe/Berlin)".</summary>
    public string Description { get; init; } = "";
    public bool Enabled { get; init; }
    public DateTimeOffset? NextRunAt { get; init; }
    public DateTimeOffset? LastRunAt { get; init; }
    public ScheduleRunOutcome? LastRunOutcome { get; init; }
    public string? LastInvocationId { get; init; }
    public InvocationStatus? LastInvocationStatus { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public static ScheduleView From(ScheduleRecord s)
    {
        var rate = s.RateSeconds is { } seconds ? RateUnits.Split(seconds) : ((int, RateUnit)?)null;
        return new ScheduleView
        {
            Id = s.Id,
            CommandId = s.CommandId,
            CommandName = s.CommandName,
            CommandType = s.CommandType,
            Content = s.CommandId is null ? s.Content : null,
            WorkingDirectory = s.WorkingDirectory,
            TimeoutSeconds = s.TimeoutSeconds,
            InstanceIds = TargetsOf(s),
            Kind = s.Kind,
            Cron = s.Kind == ScheduleKind.Cron ? s.Expression : null,
            RunAt = s.Kind == ScheduleKind.Once ? s.Expression : null,
            Every = rate?.Item1,
            Unit = rate?.Item2,
            TimeZone = s.TimeZone,
            Description = Describe(s),
            Enabled = s.Enabled,
            NextRunAt = s.NextRunAt,
            LastRunAt = s.LastRunAt,
            LastRunOutcome = s.LastRunOutcome,
            LastInvocationId = s.LastInvocationId,
            LastInvocationStatus = s.LastInvocationStatus,
            CreatedBy = s.CreatedBy,
            CreatedAt = s.CreatedAt,
            UpdatedAt = s.UpdatedAt,
        };
    }

    /// <summary>The schedule's targets.</summary>
    public static IReadOnlyList<string> TargetsOf(ScheduleRecord schedule) =>
        JsonSerializer.Deserialize<string[]>(schedule.InstanceIdsJson) ?? [];

    /// <summary>The rule in words.</summary>
    public static string Describe(ScheduleRecord s) => s.Kind switch
    {
        ScheduleKind.Rate => RateUnits.Describe(s.RateSeconds ?? 0),
        ScheduleKind.Cron => $"cron {s.Expression} ({s.TimeZone})",
        ScheduleKind.Once => $"once at {s.Expression.Replace('T', ' ')} ({s.TimeZone})",
        ScheduleKind.NextReboot => "on the next reboot",
        _ => "on every reboot",
    };
}
