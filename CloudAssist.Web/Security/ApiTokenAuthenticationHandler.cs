using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer ca-pat-...</c>. Other bearer values (agent credentials)
/// are not its business and pass untouched, without a database read.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    private const string RefusalKey = "ca:token-refusal";

    /// <summary>The token in the request, or null when it carries none.</summary>
    public static string? TokenFrom(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer " + ApiTokenService.Prefix, StringComparison.Ordinal)
            ? header["Bearer ".Length..].Trim()
            : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenFrom(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        var (user, token, refusal) = await tokens.AuthenticateAsync(secret, Context.RequestAborted);
        if (user is null || token is null)
        {
            Context.Items[RefusalKey] = refusal;
            return AuthenticateResult.Fail(refusal ?? "The API token is refused.");
        }

        return AuthenticateResult.Success(
            new AuthenticationTicket(UserClaims.For(user, SchemeName, token.Id), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not authenticated",
            Context.Items[RefusalKey] as string
            ?? "Send an API token as 'Authorization: Bearer ca-pat-...'; create one under API tokens in the console.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(
            Context, StatusCodes.Status403Forbidden, "Forbidden", AuthProblems.ForbiddenDetail(Context));
}
