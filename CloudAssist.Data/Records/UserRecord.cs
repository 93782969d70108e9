namespace CloudAssist.Data.Records;

/// <summary>A console user.</summary>
public sealed record UserRecord
{
    /// <summary>The id, <c>u-...</c>; never reused.</summary>
    public string Id { get; init; } = "";

    /// <summary>The name the user signs in with, as typed when created.</summary>
    public string UserName { get; init; } = "";

    /// <summary>The name upper-cased invariantly; unique.</summary>
    public string NormalizedName { get; init; } = "";

    /// <summary>What the user may do.</summary>
    public UserRole Role { get; init; }

    /// <summary>The ASP.NET Core Identity password hash.</summary>
    public string PasswordHash { get; init; } = "";

    /// <summary>Changes whenever the password, role or state changes, ending existing sessions.</summary>
    public string SecurityStamp { get; init; } = "";

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int FailedSignIns { get; init; }

    /// <summary>Until when sign-in is refused after repeated failures.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>When the user was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the user last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The last successful sign-in.</summary>
    public DateTimeOffset? LastSignInAt { get; init; }

    /// <summary>When the user was disabled; a disabled user cannot sign in and their tokens are refused.</summary>
    public DateTimeOffset? DisabledAt { get; init; }
}
