namespace CloudAssist.Web.Security;

/// <summary>The <c>Security</c> section: sessions and lockout.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How long a console session lasts without use (sliding).</summary>
    public int SessionHours { get; set; } = 8;

    /// <summary>The shortest password accepted.</summary>
    public int MinimumPasswordLength { get; set; } = 12;
}
