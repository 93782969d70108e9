using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Hosting;
using CloudAssist.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudAssist.Web.Files;

/// <summary>Operator API for sending files: each send is an invocation, followed like any other.</summary>
public static class FileEndpoints
{
    public static IEndpointRouteBuilder MapFileApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/files").WithTags("Files");
        group.MapPost("", SendAsync)
            .RequireAuthorization(Policies.Operator)
            .WithMetadata(new RequestSizeLimitMetadata(FileLimits.MaxRequestBytes, FileLimits.TooLargeDetail));
        group.MapGet("/{invocationId}", GetAsync);
        return api;
    }

    private static async Task<Results<Created<InvocationRecord>, ValidationProblem>> SendAsync(
        SendFileRequest request,
        FileTransferService service,
        HttpContext http,
        CancellationToken ct)
    {
        var (invocation, errors) = await service.SendAsync(request, AuditActor.From(http), ct);
        return invocation is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"/api/v1/invocations/{invocation.Id}", invocation);
    }

    private static async Task<Results<Ok<FileTransferRecord>, ProblemHttpResult>> GetAsync(
        string invocationId,
        FileTransferRepository files,
        CancellationToken ct)
    {
        var file = await files.GetAsync(invocationId, ct);
        return file is null
            ? TypedResults.Problem(
                title: "Not found",
                detail: $"No invocation '{invocationId}' sends a file.",
                statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(file);
    }
}
