using System.Collections.Concurrent;
using System.Diagnostics;
using CloudAssist.Data.Records;
using CloudAssist.Web.Live;

namespace CloudAssist.Bench.Benchmarks;

/// <summary>
/// Counts the Success events the console notifier publishes per invocation, as a console page
/// would see them, and notes the moment an invocation's count reaches its task count.
/// </summary>
public sealed class NotifierTally(int tasksPerInvocation)
{
    private readonly ConcurrentDictionary<string, int> _successes = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _complete = new();

    /// <summary>The handler to subscribe to the notifier.</summary>
    public void Observe(ConsoleEvent change)
    {
        if (change is not TaskStatusChanged { Change.TaskStatus: InvocationTaskStatus.Success } success)
        {
            return;
        }

        var id = success.Change.InvocationId;
        if (_successes.AddOrUpdate(id, 1, (_, count) => count + 1) == tasksPerInvocation)
        {
            Completion(id).TrySetResult(Stopwatch.GetTimestamp());
        }
    }

    /// <summary>How many Success events the invocation has had.</summary>
    public int Successes(string invocationId) => _successes.GetValueOrDefault(invocationId);

    /// <summary>The Stopwatch timestamp at which the invocation's last task was seen succeeding.</summary>
    public Task<long> AllSucceededAsync(string invocationId) => Completion(invocationId).Task;

    private TaskCompletionSource<long> Completion(string invocationId) =>
        _complete.GetOrAdd(invocationId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
