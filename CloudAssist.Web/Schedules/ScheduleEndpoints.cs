using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Hosting;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudAssist.Web.Schedules;

/// <summary>Operator API for schedules: create, list, read, replace, delete, pause, resume, history, preview.</summary>
public static class ScheduleEndpoints
{
    private const int PreviewCount = 5;

    public static IEndpointRouteBuilder MapScheduleApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/schedules").WithTags("Schedules");
        group.MapGet("", ListAsync);
        group.MapPost("", CreateAsync).RequireAuthorization(Policies.Operator);
        group.MapPost("/preview", Preview);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(Policies.Operator);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(Policies.Operator);
        group.MapPost("/{id}/pause", PauseAsync).RequireAuthorization(Policies.Operator);
        group.MapPost("/{id}/resume", ResumeAsync).RequireAuthorization(Policies.Operator);
        group.MapGet("/{id}/runs", ListRunsAsync);
        return api;
    }

    private static async Task<Results<Ok<List<ScheduleView>>, ValidationProblem>> ListAsync(
        ScheduleRepository schedules,
        CancellationToken ct,
        int limit = 100,
        int offset = 0)
    {
        if (!Paging.IsValid(limit, offset, out var problem))
        {
            return problem;
        }

        return TypedResults.Ok((await schedules.ListAsync(limit, offset, ct)).Select(ScheduleView.From).ToList());
    }

    private static async Task<Results<Created<ScheduleView>, ValidationProblem>> CreateAsync(
        SaveScheduleRequest request,
        ScheduleService service,
        HttpContext http,
        CancellationToken ct)
    {
        var (schedule, errors) = await service.CreateAsync(request, AuditActor.From(http), ct);
        return schedule is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"/api/v1/schedules/{schedule.Id}", ScheduleView.From(schedule));
    }

    /// <summary>Checks a rule and answers its next five runs, without saving anything.</summary>
    private static Results<Ok<IReadOnlyList<DateTimeOffset>>, ValidationProblem> Preview(
        SaveScheduleRequest request,
        TimeProvider time)
    {
        var (rule, errors) = ScheduleRule.Parse(request.ToSpec());
        return rule is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(rule.Preview(time.GetUtcNow(), PreviewCount));
    }

    private static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> GetAsync(
        string id,
        ScheduleRepository schedules,
        CancellationToken ct) =>
        await schedules.GetAsync(id, ct) is { } schedule ? TypedResults.Ok(ScheduleView.From(schedule)) : NotFound(id);

    private static async Task<Results<Ok<ScheduleView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id,
        SaveScheduleRequest request,
        ScheduleService service,
        HttpContext http,
        CancellationToken ct)
    {
        var (schedule, errors) = await service.UpdateAsync(id, request, AuditActor.From(http), ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return schedule is null ? NotFound(id) : TypedResults.Ok(ScheduleView.From(schedule));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id,
        ScheduleService service,
        HttpContext http,
        CancellationToken ct) =>
        await service.DeleteAsync(id, AuditActor.From(http), ct) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> PauseAsync(
        string id,
        ScheduleService service,
        ScheduleRepository schedules,
        HttpContext http,
        CancellationToken ct) =>
        await service.PauseAsync(id, AuditActor.From(http), ct) && await schedules.GetAsync(id, ct) is { } paused
            ? TypedResults.Ok(ScheduleView.From(paused))
            : NotFound(id);

    private static async Task<Results<Ok<ScheduleView>, ValidationProblem, ProblemHttpResult>> ResumeAsync(
        string id,
        ScheduleService service,
        ScheduleRepository schedules,
        HttpContext http,
        CancellationToken ct)
    {
        var errors = await service.ResumeAsync(id, AuditActor.From(http), ct);
        if (errors is { Count: > 0 })
        {
            return TypedResults.ValidationProblem(errors);
        }

        return errors is not null && await schedules.GetAsync(id, ct) is { } resumed
            ? TypedResults.Ok(ScheduleView.From(resumed))
            : NotFound(id);
    }

    private static async Task<Results<Ok<IReadOnlyList<ScheduleRunRecord>>, ValidationProblem, ProblemHttpResult>> ListRunsAsync(
        string id,
        ScheduleRepository schedules,
        ScheduleRunRepository runs,
        CancellationToken ct,
        int limit = 50,
        int offset = 0)
    {
        if (!Paging.IsValid(limit, offset, out var problem))
        {
            return problem;
        }

        if (await schedules.GetAsync(id, ct) is null)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(await runs.ListAsync(id, limit, offset, ct));
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        title: "Not found", detail: $"No schedule has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
