using System.Security.Claims;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudAssist.Web.Security;

/// <summary>
/// Users (administrators only) and the caller's own API tokens. Tokens are created only in the console,
/// by a signed-in person; the API lists and revokes them.
/// </summary>
public static class AccountApiEndpoints
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me", Me).WithTags("Users");

        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Administrator);
        users.MapGet("", ListUsersAsync);
        users.MapPost("", CreateUserAsync);
        users.MapPatch("/{id}", UpdateUserAsync);

        var tokens = api.MapGroup("/tokens").WithTags("API tokens");
        tokens.MapGet("", ListTokensAsync);
        tokens.MapDelete("/{id}", RevokeTokenAsync);
        return api;
    }

    private static Ok<CurrentUserView> Me(ClaimsPrincipal user) => TypedResults.Ok(new CurrentUserView(
        user.UserId()!, user.ActorName(), user.Role() ?? default, user.FindFirstValue(UserClaims.TokenId)));

    private static async Task<Ok<List<UserView>>> ListUsersAsync(UserRepository users, CancellationToken ct) =>
        TypedResults.Ok((await users.ListAsync(ct)).Select(UserView.From).ToList());

    private static async Task<Results<Created<UserView>, ValidationProblem>> CreateUserAsync(
        CreateUserRequest request, UserService users, HttpContext http, CancellationToken ct)
    {
        var errors = users.Validate(request.UserName, request.Password);
        if (!Enum.IsDefined(request.Role))
        {
            errors["role"] = ["Choose Viewer, Operator or Administrator."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await users.CreateAsync(
            request.UserName, request.Role, request.Password, AuditActor.From(http), ct) is not { } user)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userName"] = [$"A user named '{request.UserName.Trim()}' already exists."],
            });
        }

        return TypedResults.Created($"/api/v1/users/{user.Id}", UserView.From(user));
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> UpdateUserAsync(
        string id,
        UpdateUserRequest request,
        UserService users,
        UserRepository repository,
        HttpContext http,
        CancellationToken ct)
    {
        if (request.Role is { } role && !Enum.IsDefined(role))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["role"] = ["Choose Viewer, Operator or Administrator."],
            });
        }

        var change = new UserChange(request.Role, request.Disabled, request.Password, request.Unlock ?? false);
        if (await users.UpdateAsync(id, change, AuditActor.From(http), ct) is { } problem)
        {
            return await repository.GetAsync(id, ct) is null
                ? TypedResults.Problem(title: "Not found", detail: problem, statusCode: StatusCodes.Status404NotFound)
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["user"] = [problem] });
        }

        return TypedResults.Ok(UserView.From((await repository.GetAsync(id, ct))!));
    }

    private static async Task<Ok<List<ApiTokenView>>> ListTokensAsync(
        ClaimsPrincipal user, ApiTokenRepository tokens, CancellationToken ct) =>
        TypedResults.Ok((await tokens.ListForUserAsync(user.UserId()!, ct)).Select(ApiTokenView.From).ToList());

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(
        string id, HttpContext http, ApiTokenService tokens, CancellationToken ct) =>
        await tokens.RevokeAsync(id, http.User.UserId()!, AuditActor.From(http), ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(
                title: "Not found",
                detail: $"You have no active token with the id '{id}'.",
                statusCode: StatusCodes.Status404NotFound);
}
