namespace CloudAssist.Data.Records;

/// <summary>How an invocation's status follows from its tasks' statuses.</summary>
public static class InvocationStatusRules
{
    /// <summary>Aggregates task statuses into the invocation's status.</summary>
    /// <param name="taskStatuses">Every task's status.</param>
    /// <param name="stopRequested">Whether a stop of the whole invocation was asked for.</param>
    public static InvocationStatus Aggregate(IReadOnlyCollection<InvocationTaskStatus> taskStatuses, bool stopRequested) =>
        Aggregate(taskStatuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()), stopRequested);

    /// <summary>Aggregates how many tasks have each status into the invocation's status.</summary>
    /// <param name="counts">Tasks per status; statuses with no task may be left out.</param>
    /// <param name="stopRequested">Whether a stop of the whole invocation was asked for.</param>
    public static InvocationStatus Aggregate(IReadOnlyDictionary<InvocationTaskStatus, int> counts, bool stopRequested)
    {
        int CountOf(InvocationTaskStatus status) => counts.TryGetValue(status, out var count) ? count : 0;
        var total = counts.Values.Sum();
        var active = CountOf(InvocationTaskStatus.Pending) + CountOf(InvocationTaskStatus.Running);
        if (stopRequested)
        {
            return active > 0 ? InvocationStatus.Stopping : InvocationStatus.Stopped;
        }

        if (active > 0)
        {
            var begun = total > CountOf(InvocationTaskStatus.Pending);
            return begun ? InvocationStatus.Running : InvocationStatus.Pending;
        }

        var succeeded = CountOf(InvocationTaskStatus.Success);
        if (succeeded == total)
        {
            return total == 0 ? InvocationStatus.Failed : InvocationStatus.Success;
        }

        return succeeded == 0 ? InvocationStatus.Failed : InvocationStatus.PartialFailed;
    }

    /// <summary>True when the status can change no more.</summary>
    public static bool IsFinal(InvocationStatus status) =>
        status is InvocationStatus.Success or InvocationStatus.Failed
            or InvocationStatus.PartialFailed or InvocationStatus.Stopped;
}
