using CloudAssist.Data.Records;
using CloudAssist.Web.Schedules;

namespace CloudAssist.Web.Tests.Schedules;

public sealed class RebootDispatcherTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DispatchAsync_EveryReboot_FiresOnTheRebootedInstanceEachTime()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start, instances: 2);
        var schedule = await harness.ScheduleAsync(new SaveScheduleRequest { Kind = ScheduleKind.EveryReboot });
        var sut = harness.Reboots;

        await sut.DispatchAsync(harness.InstanceIds[1], CancellationToken.None);
        await harness.CompleteRunsAsync(schedule.Id);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await sut.DispatchAsync(harness.InstanceIds[1], CancellationToken.None);

        var fired = await harness.InvocationsOfAsync(schedule.Id);
        Assert.Equal(2, fired.Count);
        Assert.All(fired, i => Assert.Equal("reboot", i.TriggerKind));
        foreach (var invocation in fired)
        {
            var task = Assert.Single(await harness.Invocations.ListTasksAsync(invocation.Id, CancellationToken.None));
            Assert.Equal(harness.InstanceIds[1], task.InstanceId);
        }

        Assert.True((await harness.ReloadAsync(schedule.Id)).Enabled);
    }

    [Fact]
    public async Task DispatchAsync_NextReboot_FiresOncePerTargetThenEnds()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start, instances: 2);
        var schedule = await harness.ScheduleAsync(new SaveScheduleRequest { Kind = ScheduleKind.NextReboot });
        var sut = harness.Reboots;

        await sut.DispatchAsync(harness.InstanceIds[0], CancellationToken.None);
        await sut.DispatchAsync(harness.InstanceIds[0], CancellationToken.None);
        var afterFirstTarget = await harness.ReloadAsync(schedule.Id);
        await sut.DispatchAsync(harness.InstanceIds[1], CancellationToken.None);
        await sut.DispatchAsync(harness.InstanceIds[1], CancellationToken.None);

        Assert.True(afterFirstTarget.Enabled);
        var runs = await harness.RunsOfAsync(schedule.Id);
        Assert.Equal(2, runs.Count);
        Assert.Equal(harness.InstanceIds.Order(), runs.Select(r => r.InstanceId!).Order());
        Assert.False((await harness.ReloadAsync(schedule.Id)).Enabled);
    }

    [Fact]
    public async Task DispatchAsync_InstanceNotTargeted_FiresNothing()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start, instances: 2);
        var schedule = await harness.ScheduleAsync(new SaveScheduleRequest
        {
            Kind = ScheduleKind.EveryReboot, InstanceIds = [harness.InstanceIds[0]],
        });

        var handled = await harness.Reboots.DispatchAsync(harness.InstanceIds[1], CancellationToken.None);

        Assert.Equal(0, handled);
        Assert.Empty(await harness.InvocationsOfAsync(schedule.Id));
    }
}
