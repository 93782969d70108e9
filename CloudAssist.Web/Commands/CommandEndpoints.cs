using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Live;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudAssist.Web.Commands;

/// <summary>Operator API for the command library.</summary>
public static class CommandEndpoints
{
    public static IEndpointRouteBuilder MapCommandApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/commands").WithTags("Commands");
        group.MapGet("", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("", CreateAsync).RequireAuthorization(Policies.Operator);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(Policies.Operator);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<CommandRecord>>> ListAsync(
        CommandRepository commands,
        CancellationToken ct,
        string? search = null) =>
        TypedResults.Ok(await commands.ListAsync(search, 500, 0, ct));

    private static async Task<Results<Ok<CommandRecord>, ProblemHttpResult>> GetAsync(
        string id,
        CommandRepository commands,
        CancellationToken ct) =>
        await commands.GetAsync(id, ct) is { } command ? TypedResults.Ok(command) : NotFound(id);

    private static async Task<Results<Created<CommandRecord>, ValidationProblem>> CreateAsync(
        SaveCommandRequest request,
        CommandService service,
        ConsoleNotifier notifier,
        HttpContext http,
        CancellationToken ct)
    {
        var (command, errors) = await service.CreateAsync(request, AuditActor.From(http), ct);
        if (command is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        notifier.Publish(new CommandsChanged());
        return TypedResults.Created($"/api/v1/commands/{command.Id}", command);
    }

    private static async Task<Results<Ok<CommandRecord>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id,
        SaveCommandRequest request,
        CommandService service,
        ConsoleNotifier notifier,
        HttpContext http,
        CancellationToken ct)
    {
        var (command, errors) = await service.UpdateAsync(id, request, AuditActor.From(http), ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (command is null)
        {
            return NotFound(id);
        }

        notifier.Publish(new CommandsChanged());
        return TypedResults.Ok(command);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id,
        CommandService service,
        ConsoleNotifier notifier,
        HttpContext http,
        CancellationToken ct)
    {
        if (!await service.DeleteAsync(id, AuditActor.From(http), ct))
        {
            return NotFound(id);
        }

        notifier.Publish(new CommandsChanged());
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        title: "Not found", detail: $"No command has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
