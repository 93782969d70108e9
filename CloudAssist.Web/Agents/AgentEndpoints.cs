using CloudAssist.Contracts;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Hosting;
using CloudAssist.Web.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Agents;

/// <summary>The agent API: registration, the long-poll, and task reports. See docs/agent-protocol.md.</summary>
public static class AgentEndpoints
{
    public static IEndpointRouteBuilder MapAgentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(AgentRoutes.Prefix)
            .WithTags("Agent")
            .WithMetadata(new RequestSizeLimitMetadata(ProtocolLimits.MaxRequestBytes))
            .DisableAntiforgery()
            .AllowAnonymous(); // Agents authenticate with their own credential (AgentPrincipal), not a user.
        api.MapPost("/register", AgentRegistration.RegisterAsync).RequireRateLimiting(RateLimitPolicies.Registration);

        var authenticated = api.MapGroup("").AddEndpointFilter(AgentPrincipal.RequireAsync);
        authenticated.MapPost("/poll", AgentPolling.PollAsync);
        authenticated.MapPost("/credential", CredentialRotation.RotateAsync);
        authenticated.MapPost("/tasks/{taskId}/started", StartedAsync);
        authenticated.MapPost("/tasks/{taskId}/output", OutputAsync);
        authenticated.MapPost("/tasks/{taskId}/finished", FinishedAsync);
        return app;
    }

    private static async Task<Results<Ok<TaskStartedResponse>, ProblemHttpResult>> StartedAsync(
        string taskId,
        TaskStartedReport report,
        HttpContext http,
        TaskRepository tasks,
        ConsoleNotifier notifier,
        TimeProvider time)
    {
        var instanceId = AgentPrincipal.From(http).InstanceId;
        // The server's clock, not the agent's: timeouts and the reaper must not depend on agent clock skew.
        var now = time.GetUtcNow();
        var result = await tasks.MarkStartedAsync(taskId, instanceId, now, now, http.RequestAborted);
        if (result is not { } started)
        {
            return NoSuchTask(taskId);
        }

        Publish(notifier, started.Change);
        var stop = started.Task.StopRequestedAt is not null || started.Task.IsFinished;
        return TypedResults.Ok(new TaskStartedResponse(stop));
    }

    private static async Task<Results<Ok<OutputChunkResponse>, ProblemHttpResult>> OutputAsync(
        string taskId,
        OutputChunkReport report,
        HttpContext http,
        OutputRepository output,
        ConsoleNotifier notifier)
    {
        if (report.Offset < 0 || report.Data.Length > ProtocolLimits.MaxChunkBytes || report.Streams is { Count: > 10_000 })
        {
            return TypedResults.Problem(
                title: "Invalid output chunk",
                detail: $"offset must be 0 or more, data at most {ProtocolLimits.MaxChunkBytes} bytes, streams at most 10000 marks.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var instanceId = AgentPrincipal.From(http).InstanceId;
        var marks = report.Streams?.Select(m => new OutputMark(m.Offset, m.Stream)).ToList();
        var result = await output.AppendAsync(taskId, instanceId, report.Offset, report.Data, http.RequestAborted, marks);
        switch (result.Outcome)
        {
            case OutputAppendOutcome.NotFound:
                return NoSuchTask(taskId);
            case OutputAppendOutcome.Gap:
                return OffsetConflict($"Output must continue at offset {result.NextOffset}.", result.NextOffset);
            case OutputAppendOutcome.Finished:
                // Output for a task that already ended (stopped or reaped) is discarded, not stored.
                return TypedResults.Ok(new OutputChunkResponse(report.Offset + report.Data.Length));
            case OutputAppendOutcome.Appended:
                notifier.Publish(new TaskOutputAppended(result.InvocationId, taskId, result.NextOffset));
                break;
        }

        return TypedResults.Ok(new OutputChunkResponse(result.NextOffset));
    }

    private static async Task<Results<Ok, ProblemHttpResult>> FinishedAsync(
        string taskId,
        TaskFinishedReport report,
        HttpContext http,
        InvocationRepository invocations,
        TaskRepository tasks,
        InstanceSignals signals,
        ConsoleNotifier notifier,
        TimeProvider time)
    {
        var instanceId = AgentPrincipal.From(http).InstanceId;
        var task = await invocations.GetTaskAsync(taskId, http.RequestAborted);
        if (task is null || task.InstanceId != instanceId)
        {
            return NoSuchTask(taskId);
        }

        if (!task.IsFinished && report.OutputLength > task.OutputReceived)
        {
            return OffsetConflict(
                $"Send the output from offset {task.OutputReceived} before the finished report.", task.OutputReceived);
        }

        var now = time.GetUtcNow();
        var finish = ToFinish(report, now);
        var result = await tasks.FinishAsync(taskId, instanceId, finish, now, http.RequestAborted);
        Publish(notifier, result?.Change);
        if (result?.Change is { } change)
        {
            // A rollout with a concurrency limit has a free slot now: wake the instances waiting for one.
            foreach (var waiting in await tasks.WaitingInstancesAsync(change.InvocationId, http.RequestAborted))
            {
                signals.Signal(waiting);
            }
        }

        return TypedResults.Ok();
    }

    private static TaskFinish ToFinish(TaskFinishedReport report, DateTimeOffset now)
    {
        var finishedAt = report.FinishedAt > now ? now : report.FinishedAt;
        var status = report.Outcome switch
        {
            TaskOutcome.Exited => report.ExitCode == 0 ? InvocationTaskStatus.Success : InvocationTaskStatus.Failed,
            TaskOutcome.TimedOut => InvocationTaskStatus.Timeout,
            TaskOutcome.Terminated => InvocationTaskStatus.Terminated,
            _ => InvocationTaskStatus.Error,
        };
        var errorCode = status == InvocationTaskStatus.Error ? Truncate(report.ErrorCode ?? ErrorCodes.ExecutionInterrupted, 64) : null;
        return new TaskFinish(status, report.ExitCode, errorCode, Truncate(report.ErrorMessage, 1000), finishedAt);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    private static void Publish(ConsoleNotifier notifier, TaskChange? change)
    {
        if (change is not null)
        {
            notifier.Publish(new TaskStatusChanged(change));
        }
    }

    internal static ProblemHttpResult NoSuchTask(string taskId) => TypedResults.Problem(
        title: "No such task",
        detail: $"This instance has no task '{taskId}'.",
        statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult OffsetConflict(string detail, long nextOffset) => TypedResults.Problem(
        title: "Output offset mismatch",
        detail: detail,
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["nextOffset"] = nextOffset });
}
