using CloudAssist.Data.Records;
using CloudAssist.Web.Schedules;

namespace CloudAssist.Web.Tests.Schedules;

/// <summary>The runs a schedule makes on its own are audited as the scheduler's.</summary>
public sealed class ScheduledRunAuditTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TickAsync_ScheduleDue_AuditsTheRunAsTheScheduler()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start);
        var schedule = await harness.ScheduleAsync(
            new SaveScheduleRequest { Kind = ScheduleKind.Rate, Every = 30, Unit = RateUnit.Seconds });
        var sut = harness.NewScheduler();

        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await sut.TickAsync(CancellationToken.None);

        var fired = Assert.Single(await harness.InvocationsOfAsync(schedule.Id));
        var (entries, _) = await harness.Audit.SearchAsync(
            new AuditFilter(Action: "invocation.created"), 10, 0, CancellationToken.None);
        var entry = Assert.Single(entries);
        Assert.Equal(("scheduler", fired.Id), (entry.Actor, entry.TargetId));
        Assert.Contains($"\"scheduleId\":\"{schedule.Id}\"", entry.DetailsJson);
        Assert.Equal("scheduler", fired.CreatedBy);
    }
}
