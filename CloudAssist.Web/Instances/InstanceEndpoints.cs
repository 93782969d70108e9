using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Agents;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Live;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Instances;

/// <summary>Operator API for instances and the activation codes that enroll them.</summary>
public static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstanceApi(this IEndpointRouteBuilder api)
    {
        var instances = api.MapGroup("/instances").WithTags("Instances");
        instances.MapGet("", ListAsync);
        instances.MapGet("/{id}", GetAsync);
        instances.MapDelete("/{id}", DeregisterAsync).RequireAuthorization(Policies.Administrator);
        instances.MapPost("/{id}/rotate-credential", RotateCredentialAsync)
            .RequireAuthorization(Policies.Administrator);
        instances.MapPut("/{id}/tags", SetTagsAsync).RequireAuthorization(Policies.Operator);

        var codes = api.MapGroup("/activation-codes").WithTags("Activation codes")
            .RequireAuthorization(Policies.Administrator);
        codes.MapPost("", CreateCodeAsync);
        codes.MapGet("", ListCodesAsync);
        codes.MapDelete("/{id}", RevokeCodeAsync);
        return api;
    }

    private static async Task<Ok<List<InstanceView>>> ListAsync(
        InstanceRepository instances,
        IOptions<AgentApiOptions> options,
        TimeProvider time,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var all = await instances.ListAsync(ct);
        return TypedResults.Ok(all.Select(i => InstanceView.From(i, now, options.Value.OfflineAfterSeconds)).ToList());
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetAsync(
        string id,
        InstanceRepository instances,
        IOptions<AgentApiOptions> options,
        TimeProvider time,
        CancellationToken ct) =>
        await instances.GetAsync(id, ct) is { } instance
            ? TypedResults.Ok(InstanceView.From(instance, time.GetUtcNow(), options.Value.OfflineAfterSeconds))
            : NotFound("instance", id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeregisterAsync(
        string id,
        InstanceService service,
        HttpContext http,
        CancellationToken ct) =>
        await service.DeregisterAsync(id, AuditActor.From(http), ct)
            ? TypedResults.NoContent()
            : NotFound("registered instance", id);

    private static async Task<Results<Accepted, ProblemHttpResult>> RotateCredentialAsync(
        string id,
        InstanceService service,
        HttpContext http,
        CancellationToken ct) =>
        await service.RequestRotationAsync(id, AuditActor.From(http), ct)
            ? TypedResults.Accepted($"/api/v1/instances/{id}")
            : NotFound("registered instance", id);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetTagsAsync(
        string id,
        IReadOnlyList<string> tags,
        InstanceService service,
        HttpContext http,
        CancellationToken ct)
    {
        var cleaned = tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (InstanceTags.Validate(cleaned) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tags"] = [error] });
        }

        return await service.SetTagsAsync(id, cleaned, AuditActor.From(http), ct)
            ? TypedResults.NoContent()
            : NotFound("registered instance", id);
    }

    private static async Task<Results<Created<CreatedActivationCode>, ValidationProblem>> CreateCodeAsync(
        CreateActivationCodeRequest request,
        ActivationCodeService service,
        HttpContext http,
        CancellationToken ct)
    {
        var (code, errors) = await service.CreateAsync(request, AuditActor.From(http), ct);
        return code is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"/api/v1/activation-codes/{code.Id}", code);
    }

    private static async Task<Ok<List<ActivationCodeSummary>>> ListCodesAsync(
        ActivationCodeService service,
        CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeCodeAsync(
        string id,
        ActivationCodeService service,
        HttpContext http,
        CancellationToken ct) =>
        await service.RevokeAsync(id, AuditActor.From(http), ct)
            ? TypedResults.NoContent()
            : NotFound("active activation code", id);

    private static ProblemHttpResult NotFound(string what, string id) => TypedResults.Problem(
        title: "Not found", detail: $"No {what} has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
