namespace CloudAssist.Web.Hosting;

/// <summary>The <c>RateLimits</c> section: requests per minute and remote address for each policy.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>The largest limit accepted; a fleet benchmark registering many agents uses it.</summary>
    public const int MaxPerMinute = 1_000_000;

    /// <summary>Agent registrations per minute from one address. Default: 30.</summary>
    public int RegistrationPerMinute { get; set; } = 30;

    /// <summary>Sign-in attempts per minute from one address. Default: 10.</summary>
    public int SignInPerMinute { get; set; } = 10;
}
