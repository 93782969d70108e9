using CloudAssist.Data.Records;
using CloudAssist.Web.Schedules;
using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.EndToEnd;

/// <summary>Schedules on the real app with real agent processes, on the real clock.</summary>
public sealed class ScheduleEndToEndTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);
    private readonly CloudAssistServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task RateSchedule_EveryTwoSeconds_ThreeRecordsWithOutputThenPauseStopsNewOnes()
    {
        await using var agent = await AgentProcess.StartAsync(_server, "ticker");
        var sut = await _server.CreateScheduleAsync(EveryTwoSeconds("echo tick $((40+2))", agent.InstanceId));
        var witness = await _server.CreateScheduleAsync(EveryTwoSeconds("echo witness", agent.InstanceId));

        var firstThree = await Eventually.HoldsAsync(
            async () => (await FinishedAsync(sut.Id)).Take(3).ToList(), list => list.Count == 3, Deadline, "three finished runs");
        await _server.PauseScheduleAsync(sut.Id);
        // A tick already under way when the pause landed may still create one record; wait for
        // the witness to fire once, so every tick that began before the pause has ended.
        var witnessAtPause = (await _server.GetScheduledInvocationsAsync(witness.Id)).Count;
        await WitnessFiresAsync(witness.Id, witnessAtPause + 1);
        var afterPause = (await _server.GetScheduledInvocationsAsync(sut.Id)).Count;
        await WitnessFiresAsync(witness.Id, witnessAtPause + 4);
        var later = (await _server.GetScheduledInvocationsAsync(sut.Id)).Count;

        foreach (var details in firstThree)
        {
            Assert.Equal(InvocationStatus.Success, details.Invocation.Status);
            Assert.Equal("schedule", details.Invocation.TriggerKind);
            Assert.Equal("tick 42\n", (await _server.GetOutputAsync(details.Invocation.Id, details.Tasks[0].Id)).Text);
        }

        Assert.Equal(afterPause, later);
        Assert.False((await _server.GetScheduleAsync(sut.Id)).Enabled);
        var runs = await _server.GetRunsAsync(sut.Id);
        Assert.All(firstThree, d => Assert.Contains(runs, r => r.InvocationId == d.Invocation.Id));
    }

    [Fact]
    public async Task RebootSchedules_AgentReportsNewBootId_RunOnThatInstance()
    {
        var agent = await AgentProcess.StartAsync(_server, "rebooter", "--Agent:BootId=boot-one");
        await using var firstBoot = agent;
        var warmUp = await _server.InvokeAsync("true", [agent.InstanceId]);
        await _server.WaitForFinalAsync(warmUp.Id, Deadline);
        var every = await _server.CreateScheduleAsync(OnReboot(ScheduleKind.EveryReboot, "echo every boot", agent.InstanceId));
        var next = await _server.CreateScheduleAsync(OnReboot(ScheduleKind.NextReboot, "echo next boot", agent.InstanceId));

        await using var secondBoot = await agent.RestartAsync(_server, "rebooter", "--Agent:BootId=boot-two");

        foreach (var (schedule, output) in new[] { (every, "every boot\n"), (next, "next boot\n") })
        {
            var invocation = Assert.Single(await Eventually.HoldsAsync(
                () => _server.GetScheduledInvocationsAsync(schedule.Id), list => list.Count > 0, Deadline, $"{schedule.Kind} to fire"));
            var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);
            Assert.Equal(("reboot", InvocationStatus.Success), (done.Invocation.TriggerKind, done.Invocation.Status));
            Assert.Equal(output, (await _server.GetOutputAsync(invocation.Id, done.Tasks[0].Id)).Text);
        }

        Assert.True((await _server.GetScheduleAsync(every.Id)).Enabled);
        Assert.False((await _server.GetScheduleAsync(next.Id)).Enabled);
    }

    private static SaveScheduleRequest EveryTwoSeconds(string content, string instanceId) => new()
    {
        Kind = ScheduleKind.Rate, Every = 2, Unit = RateUnit.Seconds, Content = content, InstanceIds = [instanceId],
    };

    private static SaveScheduleRequest OnReboot(ScheduleKind kind, string content, string instanceId) => new()
    {
        Kind = kind, Content = content, InstanceIds = [instanceId],
    };

    private async Task<List<Invocations.InvocationDetails>> FinishedAsync(string scheduleId)
    {
        var finished = new List<Invocations.InvocationDetails>();
        foreach (var invocation in await _server.GetScheduledInvocationsAsync(scheduleId))
        {
            var details = await _server.GetInvocationAsync(invocation.Id);
            if (InvocationStatusRules.IsFinal(details.Invocation.Status))
            {
                finished.Add(details);
            }
        }

        return finished;
    }

    private Task WitnessFiresAsync(string witnessId, int count) => Eventually.HoldsAsync(
        () => _server.GetScheduledInvocationsAsync(witnessId), list => list.Count >= count, Deadline, $"the witness's run {count}");
}
