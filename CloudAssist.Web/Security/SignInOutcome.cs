using CloudAssist.Data.Records;

namespace CloudAssist.Web.Security;

/// <summary>What a sign-in attempt came to.</summary>
public enum SignInResultKind
{
    Succeeded,
    Failed,
    LockedOut,
    Disabled,
}

/// <summary>A sign-in attempt's result: the user on success, the lockout end when locked.</summary>
public sealed record SignInOutcome(SignInResultKind Kind, UserRecord? User = null, DateTimeOffset? LockedUntil = null)
{
    /// <summary>The message the sign-in form shows. It never says whether the user name exists.</summary>
    public string Message => Kind switch
    {
        SignInResultKind.Succeeded => "Signed in.",
        SignInResultKind.LockedOut =>
            $"Too many failed sign-ins. Try again after {LockedUntil:HH:mm} UTC, or ask an administrator to unlock it.",
        _ => "The user name or password is wrong, or the account is disabled.",
    };
}
