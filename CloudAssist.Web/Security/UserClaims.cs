using System.Security.Claims;
using CloudAssist.Data.Records;

namespace CloudAssist.Web.Security;

/// <summary>The claims a signed-in user or an API token carries, and reading them back.</summary>
public static class UserClaims
{
    /// <summary>The user's security stamp at sign-in; a session whose stamp no longer matches ends.</summary>
    public const string SecurityStamp = "ca:stamp";

    /// <summary>The token id, when the request authenticated with an API token.</summary>
    public const string TokenId = "ca:token";

    /// <summary>A principal for the user, authenticated by <paramref name="scheme"/>.</summary>
    public static ClaimsPrincipal For(UserRecord user, string scheme, string? tokenId = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(SecurityStamp, user.SecurityStamp),
        };
        if (tokenId is not null)
        {
            claims.Add(new Claim(TokenId, tokenId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The user id, or null for an anonymous principal.</summary>
    public static string? UserId(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The role, or null for an anonymous principal.</summary>
    public static UserRole? Role(this ClaimsPrincipal principal) =>
        Enum.TryParse<UserRole>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    /// <summary>The name recorded as the author of what this principal does.</summary>
    public static string ActorName(this ClaimsPrincipal principal) =>
        principal.Identity is { IsAuthenticated: true, Name: { } name } ? name : "anonymous";
}
