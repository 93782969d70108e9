using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Hosting;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudAssist.Web.Invocations;

/// <summary>Operator API for invocations: create, list, read with tasks and output, stop.</summary>
public static class InvocationEndpoints
{
    public static IEndpointRouteBuilder MapInvocationApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/invocations").WithTags("Invocations");
        group.MapPost("", CreateAsync).RequireAuthorization(Policies.Operator);
        group.MapGet("", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapGet("/{id}/tasks/{taskId}/output", GetOutputAsync);
        group.MapGet("/{id}/tasks/{taskId}/output/download", DownloadOutputAsync);
        group.MapPost("/{id}/stop", StopAsync).RequireAuthorization(Policies.Operator);
        group.MapPost("/{id}/tasks/{taskId}/stop", StopTaskAsync).RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<Results<Created<InvocationRecord>, ValidationProblem>> CreateAsync(
        CreateInvocationRequest request,
        InvocationService service,
        HttpContext http,
        CancellationToken ct)
    {
        var (invocation, errors) = await service.CreateAsync(request, AuditActor.From(http), "manual", ct);
        return invocation is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"/api/v1/invocations/{invocation.Id}", invocation);
    }

    private static async Task<Results<Ok<IReadOnlyList<InvocationRecord>>, ValidationProblem>> ListAsync(
        InvocationRepository invocations,
        CancellationToken ct,
        InvocationStatus? status = null,
        int limit = 50,
        int offset = 0)
    {
        if (!Paging.IsValid(limit, offset, out var problem))
        {
            return problem;
        }

        return TypedResults.Ok(await invocations.ListAsync(status, limit, offset, ct));
    }

    private static async Task<Results<Ok<InvocationDetails>, ProblemHttpResult>> GetAsync(
        string id,
        InvocationRepository invocations,
        CancellationToken ct)
    {
        var invocation = await invocations.GetAsync(id, ct);
        if (invocation is null)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(new InvocationDetails(invocation, await invocations.ListTasksAsync(id, ct)));
    }

    private static async Task<Results<Ok<TaskOutputView>, ProblemHttpResult>> GetOutputAsync(
        string id,
        string taskId,
        InvocationRepository invocations,
        OutputRepository output,
        CancellationToken ct)
    {
        var task = await invocations.GetTaskAsync(taskId, ct);
        if (task is null || task.InvocationId != id)
        {
            return TypedResults.Problem(
                title: "Not found", detail: $"Invocation '{id}' has no task '{taskId}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var stored = await output.ReadAsync(taskId, ct);
        return TypedResults.Ok(TaskOutputView.From(taskId, stored!));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadOutputAsync(
        string id,
        string taskId,
        InvocationRepository invocations,
        OutputRepository output,
        CancellationToken ct)
    {
        var result = await GetOutputAsync(id, taskId, invocations, output, ct);
        if (result.Result is not Ok<TaskOutputView> { Value: { } view })
        {
            return (ProblemHttpResult)result.Result;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(view.Text);
        return TypedResults.File(bytes, "text/plain; charset=utf-8", $"{taskId}.log");
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> StopAsync(
        string id,
        InvocationRepository invocations,
        InvocationService service,
        HttpContext http,
        CancellationToken ct)
    {
        if (await invocations.GetAsync(id, ct) is null)
        {
            return NotFound(id);
        }

        await service.StopAsync(id, null, AuditActor.From(http), ct);
        return TypedResults.Accepted($"/api/v1/invocations/{id}");
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> StopTaskAsync(
        string id,
        string taskId,
        InvocationRepository invocations,
        InvocationService service,
        HttpContext http,
        CancellationToken ct)
    {
        var task = await invocations.GetTaskAsync(taskId, ct);
        if (task is null || task.InvocationId != id)
        {
            return NotFound(id);
        }

        await service.StopAsync(id, taskId, AuditActor.From(http), ct);
        return TypedResults.Accepted($"/api/v1/invocations/{id}");
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        title: "Not found", detail: $"No invocation has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
