using CloudAssist.Contracts;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Live;
using CloudAssist.Web.Schedules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Agents;

/// <summary>
/// The long-poll: answers at once when the instance has work or stops waiting, otherwise holds
/// the request until its signal fires or the hold time passes.
/// </summary>
public static class AgentPolling
{
    public static async Task<Results<Ok<PollResponse>, ValidationProblem, ProblemHttpResult>> PollAsync(
        PollRequest request,
        HttpContext http,
        InstanceRepository instances,
        TaskRepository tasks,
        FileTransferRepository files,
        InstanceSignals signals,
        LastSeenRecorder lastSeen,
        ConsoleNotifier notifier,
        RebootDispatcher reboots,
        IOptions<AgentApiOptions> options,
        IHostApplicationLifetime lifetime,
        TimeProvider time)
    {
        if (request.FreeSlots is < 0 or > 256 || request.BootId.Length > 100 || request.RunningTaskIds.Count > 1000
            || request.AgentVersion.Length > 50)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["poll"] = ["freeSlots must be 0-256, bootId at most 100 characters, at most 1000 running task ids."],
            });
        }

        var known = AgentPrincipal.From(http).Instance;
        var instanceId = known.Id;
        var settings = options.Value;
        var now = time.GetUtcNow();
        var interpreters = string.Join(",", request.Interpreters.Where(CommandTypes.IsKnown).Distinct());
        var before = await RecordPollAsync(
            known, request, interpreters, now, settings.OfflineAfterSeconds, instances, lastSeen, http.RequestAborted);
        if (before is not null && (now - before.LastSeenAt).TotalSeconds > settings.OfflineAfterSeconds)
        {
            notifier.Publish(new InstanceChanged(instanceId));
        }

        if (before?.BootId is { } previousBoot && previousBoot != request.BootId)
        {
            // Before looking for work, so the reboot tasks go out in this very poll's answer; not tied to
            // the request, as the boot id is stored already and an agent hanging up must not lose them.
            await reboots.DispatchAsync(instanceId, lifetime.ApplicationStopping);
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var deadline = now.AddSeconds(settings.PollHoldSeconds);
        var rotate = before?.CredentialRotationRequestedAt is not null;

        // Answered at once only on the first poll since the request: an agent that does not rotate
        // (an older one, or one whose call failed) then gets the flag at each hold's end, not in a loop.
        var answerNow = rotate && before!.CredentialRotationRequestedAt > before.LastSeenAt;
        while (true)
        {
            var armed = signals.Arm(instanceId);
            try
            {
                var current = time.GetUtcNow();
                var redeliverBefore = current.AddSeconds(-settings.RedeliverAfterSeconds);
                // A read first: most polls find nothing, and taking work needs a write transaction.
                var waiting = await tasks.HasWaitingAsync(instanceId, redeliverBefore, stopping.Token);
                IReadOnlyList<string> stops = waiting
                    ? await tasks.TakeStopsAsync(instanceId, current, redeliverBefore, stopping.Token)
                    : [];
                IReadOnlyList<DeliverableTask> work = waiting
                    ? await tasks.TakeDeliverableAsync(instanceId, request.FreeSlots, current, redeliverBefore, stopping.Token)
                    : [];
                var remaining = deadline - current;
                if (work.Count > 0 || stops.Count > 0 || answerNow || remaining <= TimeSpan.Zero)
                {
                    var assignments = await FileAssignments.AttachAsync(
                        work.Select(t => TaskAssignments.From(t, before!)), files, stopping.Token);
                    return TypedResults.Ok(new PollResponse(assignments, stops, rotate));
                }

                await Task.WhenAny(armed, Task.Delay(remaining, time, stopping.Token));
                if (stopping.IsCancellationRequested || !armed.IsCompleted)
                {
                    // A hold that ran out unsignalled answers empty without looking again: the
                    // agent's next poll looks first, so nothing waits longer, and an idle fleet
                    // costs two transactions fewer per poll.
                    return TypedResults.Ok(new PollResponse([], [], rotate));
                }

                // Woken: by work, or by an operator who deregistered the instance or wants a new credential.
                var instance = await instances.GetAsync(instanceId, stopping.Token);
                if (instance?.DeregisteredAt is not null)
                {
                    return AgentPrincipal.Deregistered();
                }

                rotate = instance?.CredentialRotationRequestedAt is not null;
                answerNow = rotate;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return TypedResults.Ok(new PollResponse([], [], rotate));
            }
        }
    }

    /// <summary>
    /// Records the poll and answers the instance as it was before it. A poll that only says the
    /// agent is alive is noted in memory; one that reports a new boot id, agent version or set of
    /// interpreters, that brings an offline instance back, or that arrives while a credential
    /// rotation is under way, is written at once, reading the instance back in the same
    /// transaction, so the console never shows a stale state after the change it is told of.
    /// </summary>
    private static async Task<InstanceRecord?> RecordPollAsync(
        InstanceRecord known,
        PollRequest request,
        string interpreters,
        DateTimeOffset now,
        int offlineAfterSeconds,
        InstanceRepository instances,
        LastSeenRecorder lastSeen,
        CancellationToken cancellationToken)
    {
        var sameAgent = known.BootId == request.BootId && known.AgentVersion == request.AgentVersion
            && known.Interpreters == interpreters;
        var rotating = known.CredentialRotationRequestedAt is not null || known.PreviousCredentialHash is not null;
        var wasOnline = (now - known.LastSeenAt).TotalSeconds <= offlineAfterSeconds;
        if (sameAgent && !rotating && wasOnline)
        {
            lastSeen.Note(known.Id, now);
            return known;
        }

        return await instances.TouchAsync(
            known.Id, now, request.BootId, request.AgentVersion, cancellationToken, interpreters);
    }
}
