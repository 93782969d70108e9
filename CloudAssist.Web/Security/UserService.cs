using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CloudAssist.Web.Security;

/// <summary>
/// Users: the first administrator, sign-in with lockout, and the changes administrators make. Passwords
/// are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, per-user salt).
/// </summary>
public sealed class UserService(
    UserRepository users,
    AuditLog audit,
    IOptions<SecurityOptions> options,
    TimeProvider time,
    ILogger<UserService> logger)
{
    private static readonly PasswordHasher<UserRecord> Hasher = new();

    // Verified against when the user name is unknown, so an unknown name takes as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(new UserRecord(), Guid.NewGuid().ToString());

    /// <summary>The normalized form names are compared in.</summary>
    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    /// <summary>Whether any user exists; while none does, the console asks for the first administrator.</summary>
    public async Task<bool> AnyAsync(CancellationToken ct) => await users.CountAsync(ct) > 0;

    /// <summary>Field errors for a new user's name and password, empty when both are acceptable.</summary>
    public Dictionary<string, string[]> Validate(string? userName, string? password)
    {
        var errors = new Dictionary<string, string[]>();
        var name = userName?.Trim() ?? "";
        if (name.Length is < 2 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            errors["userName"] = ["Use 2-64 characters: letters, digits, '.', '-', '_' or '@'."];
        }

        if (PasswordProblem(password) is { } problem)
        {
            errors["password"] = [problem];
        }

        return errors;
    }

    /// <summary>Why a password is refused, or null when it is acceptable.</summary>
    public string? PasswordProblem(string? password)
    {
        var min = options.Value.MinimumPasswordLength;
        return password is null || password.Length < min || password.Length > 256
            ? $"Use a password of {min} to 256 characters."
            : null;
    }

    /// <summary>Creates the first administrator; null when a user already exists.</summary>
    public async Task<UserRecord?> CreateFirstAsync(
        string userName,
        string password,
        string? address,
        CancellationToken ct)
    {
        var user = NewUser(userName, UserRole.Administrator, password);
        var entry = audit.Entry(new AuditActor(user.UserName, address), "user.created", "user", user.Id,
            $"Set up {user.UserName} as the first administrator", new { user.UserName, Role = user.Role.ToString() });
        return await users.CreateFirstAsync(user, ct, entry) ? user : null;
    }

    /// <summary>Creates a user; null when the name is taken. Validate first.</summary>
    public async Task<UserRecord?> CreateAsync(
        string userName, UserRole role, string password, AuditActor actor, CancellationToken ct)
    {
        var user = NewUser(userName, role, password);
        var entry = audit.Entry(actor, "user.created", "user", user.Id, $"Added {user.UserName} as {role}",
            new { user.UserName, Role = role.ToString() });
        return await users.CreateAsync(user, ct, entry) ? user : null;
    }

    /// <summary>Checks a name and password, counting failures and locking after too many.</summary>
    public async Task<SignInOutcome> SignInAsync(
        string? userName,
        string? password,
        string? address,
        CancellationToken ct)
    {
        var outcome = await CheckAsync(userName, password, ct);
        var name = outcome.User?.UserName ?? userName?.Trim() ?? "";
        var (action, summary) = outcome.Kind switch
        {
            SignInResultKind.Succeeded => ("user.signed_in", $"{name} signed in"),
            SignInResultKind.LockedOut => ("user.sign_in_locked", $"Sign-in as {name} refused: locked"),
            SignInResultKind.Disabled => ("user.sign_in_failed", $"Sign-in as {name} refused: disabled"),
            _ => ("user.sign_in_failed", $"Sign-in as {name} failed"),
        };
        await audit.RecordAsync(new AuditActor(name, address), action, "user", outcome.User?.Id, summary, null);
        return outcome;
    }

    private async Task<SignInOutcome> CheckAsync(string? userName, string? password, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(Normalize(userName), ct);
        var now = time.GetUtcNow();
        if (user is null)
        {
            Hasher.VerifyHashedPassword(new UserRecord(), DecoyHash, password ?? "");
            return new SignInOutcome(SignInResultKind.Failed);
        }

        if (user.LockedUntil > now)
        {
            return new SignInOutcome(SignInResultKind.LockedOut, user, user.LockedUntil);
        }

        var verified = Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
        if (verified == PasswordVerificationResult.Failed)
        {
            var o = options.Value;
            var after = await users.RecordFailureAsync(
                user.Id, o.LockoutThreshold, now.AddMinutes(o.LockoutMinutes), ct);
            if (after?.LockedUntil > now)
            {
                logger.LogWarning("User {User} locked until {Until} after {Count} failed sign-ins",
                    user.UserName, after.LockedUntil, o.LockoutThreshold);
                return new SignInOutcome(SignInResultKind.LockedOut, after, after.LockedUntil);
            }

            return new SignInOutcome(SignInResultKind.Failed, user);
        }

        if (user.DisabledAt is not null)
        {
            return new SignInOutcome(SignInResultKind.Disabled, user);
        }

        await users.RecordSignInAsync(user.Id, now, ct);
        return new SignInOutcome(SignInResultKind.Succeeded, user);
    }

    /// <summary>Changes a user's role, enabled state or password, ending their sessions.</summary>
    /// <returns>Null on success, otherwise what to fix.</returns>
    public async Task<string?> UpdateAsync(string id, UserChange change, AuditActor actor, CancellationToken ct)
    {
        if (await users.GetAsync(id, ct) is not { } user)
        {
            return $"No user has the id '{id}'.";
        }

        if (change.Password is not null && PasswordProblem(change.Password) is { } problem)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var updated = user with
        {
            Role = change.Role ?? user.Role,
            DisabledAt = change.Disabled switch
            {
                true => user.DisabledAt ?? now,
                false => null,
                null => user.DisabledAt,
            },
            PasswordHash = change.Password is null ? user.PasswordHash : Hasher.HashPassword(user, change.Password),
            LockedUntil = change.Unlock ? null : user.LockedUntil,
            FailedSignIns = change.Unlock ? 0 : user.FailedSignIns,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            UpdatedAt = now,
        };
        var before = new { Role = user.Role.ToString(), Disabled = user.DisabledAt is not null };
        var after = new { Role = updated.Role.ToString(), Disabled = updated.DisabledAt is not null };
        var entry = audit.Entry(actor, "user.updated", "user", user.Id, $"Changed {user.UserName}",
            new { before, after, PasswordReset = change.Password is not null, change.Unlock });
        return await users.UpdateAsync(updated, ct, entry)
            ? null
            : "That would leave no enabled administrator; make another user an administrator first.";
    }

    private UserRecord NewUser(string userName, UserRole role, string password)
    {
        var now = time.GetUtcNow();
        var user = new UserRecord
        {
            Id = Ids.New("u"),
            UserName = userName.Trim(),
            NormalizedName = Normalize(userName),
            Role = role,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = now,
            UpdatedAt = now,
        };
        return user with { PasswordHash = Hasher.HashPassword(user, password) };
    }
}

/// <summary>What an administrator changes about a user; null members stay as they are.</summary>
public sealed record UserChange(
    UserRole? Role = null,
    bool? Disabled = null,
    string? Password = null,
    bool Unlock = false);
