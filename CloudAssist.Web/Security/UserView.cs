using CloudAssist.Data.Records;

namespace CloudAssist.Web.Security;

/// <summary>A user as the API and console show it: never the password hash or security stamp.</summary>
public sealed record UserView(
    string Id,
    string UserName,
    UserRole Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? LockedUntil,
    bool Disabled)
{
    public static UserView From(UserRecord user) => new(
        user.Id, user.UserName, user.Role, user.CreatedAt, user.LastSignInAt, user.LockedUntil,
        user.DisabledAt is not null);
}

/// <summary>A token as listed: never its secret or hash.</summary>
public sealed record ApiTokenView(
    string Id,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public static ApiTokenView From(ApiTokenRecord token) =>
        new(token.Id, token.Name, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt);
}

/// <summary>The body of <c>POST /api/v1/users</c>.</summary>
public sealed record CreateUserRequest(string UserName, UserRole Role, string Password);

/// <summary>The body of <c>PATCH /api/v1/users/{id}</c>; members left null stay as they are.</summary>
public sealed record UpdateUserRequest(
    UserRole? Role = null,
    bool? Disabled = null,
    string? Password = null,
    bool? Unlock = null);

/// <summary>Who the caller is: <c>GET /api/v1/me</c>.</summary>
public sealed record CurrentUserView(string UserId, string UserName, UserRole Role, string? TokenId);
