namespace CloudAssist.Data.Records;

/// <summary>How an invocation's status follows from its tasks' statuses.</summary>
public static class InvocationStatusRules
{
    /// <summary>Aggregates task statuses into the invocation's status.</summary>
    /// <param name="taskStatuses">Every task's status.</param>
    /// <param name="stopRequested">Whether a stop of the whole invocation was asked for.</param>
    public static InvocationStatus Aggregate(IReadOnlyCollection<InvocationTaskStatus> taskStatuses, bool stopRequested)
    {
        var active = taskStatuses.Count(s => s is InvocationTaskStatus.Pending or InvocationTaskStatus.Running);
        if (stopRequested)
        {
            return active > 0 ? InvocationStatus.Stopping : InvocationStatus.Stopped;
        }

        if (active > 0)
        {
            var begun = taskStatuses.Any(s => s is not InvocationTaskStatus.Pending);
            return begun ? InvocationStatus.Running : InvocationStatus.Pending;
        }

        var succeeded = taskStatuses.Count(s => s == InvocationTaskStatus.Success);
        if (succeeded == taskStatuses.Count)
        {
            return taskStatuses.Count == 0 ? InvocationStatus.Failed : InvocationStatus.Success;
        }

        return succeeded == 0 ? InvocationStatus.Failed : InvocationStatus.PartialFailed;
    }

    /// <summary>True when the status can change no more.</summary>
    public static bool IsFinal(InvocationStatus status) =>
        status is InvocationStatus.Success or InvocationStatus.Failed
            or InvocationStatus.PartialFailed or InvocationStatus.Stopped;
}
