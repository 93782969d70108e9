using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;

namespace CloudAssist.Data.Tests.Infrastructure;

/// <summary>Task reports as the owning agent sends them, so tests need not repeat the instance id.</summary>
public static class AgentReports
{
    public static Task<(InvocationTaskRecord Task, TaskChange? Change)?> StartAsOwnerAsync(
        this TaskRepository tasks,
        InvocationTaskRecord task,
        DateTimeOffset at) =>
        tasks.MarkStartedAsync(task.Id, task.InstanceId, at, at, CancellationToken.None);

    public static Task<(InvocationTaskRecord Task, TaskChange? Change)?> FinishAsOwnerAsync(
        this TaskRepository tasks,
        InvocationTaskRecord task,
        InvocationTaskStatus status,
        DateTimeOffset at) =>
        tasks.FinishAsync(task.Id, task.InstanceId, TestData.Finish(status, at), at, CancellationToken.None);
}
