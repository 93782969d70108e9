using CloudAssist.Data.Records;
using static CloudAssist.Data.Records.InvocationTaskStatus;

namespace CloudAssist.Data.Tests.Records;

public sealed class InvocationStatusRulesTests
{
    [Theory]
    [InlineData(new[] { Pending, Pending }, false, InvocationStatus.Pending)]
    [InlineData(new[] { Running, Pending }, false, InvocationStatus.Running)]
    [InlineData(new[] { Success, Pending }, false, InvocationStatus.Running)]
    [InlineData(new[] { Success, Success }, false, InvocationStatus.Success)]
    [InlineData(new[] { Failed, InvocationTaskStatus.Timeout, Error }, false, InvocationStatus.Failed)]
    [InlineData(new[] { Success, Error }, false, InvocationStatus.PartialFailed)]
    [InlineData(new InvocationTaskStatus[0], false, InvocationStatus.Failed)]
    [InlineData(new[] { Running, Cancelled }, true, InvocationStatus.Stopping)]
    [InlineData(new[] { Terminated, Cancelled }, true, InvocationStatus.Stopped)]
    [InlineData(new[] { Success, Cancelled }, true, InvocationStatus.Stopped)]
    public void Aggregate_TaskStatuses_GivesInvocationStatus(
        InvocationTaskStatus[] taskStatuses,
        bool stopRequested,
        InvocationStatus expected)
    {
        var actual = InvocationStatusRules.Aggregate(taskStatuses, stopRequested);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(InvocationStatus.Pending, false)]
    [InlineData(InvocationStatus.Running, false)]
    [InlineData(InvocationStatus.Stopping, false)]
    [InlineData(InvocationStatus.Success, true)]
    [InlineData(InvocationStatus.Failed, true)]
    [InlineData(InvocationStatus.PartialFailed, true)]
    [InlineData(InvocationStatus.Stopped, true)]
    public void IsFinal_Status_TellsWhetherItCanStillChange(InvocationStatus status, bool expected)
    {
        var actual = InvocationStatusRules.IsFinal(status);

        Assert.Equal(expected, actual);
    }
}
