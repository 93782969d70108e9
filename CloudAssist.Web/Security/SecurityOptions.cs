using CloudAssist.Web.Hosting;

namespace CloudAssist.Web.Security;

/// <summary>The <c>Security</c> section: sessions, lockout, who may open a console circuit, and HTTPS.</summary>
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

    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>) besides the server's own that may open the console's
    /// SignalR connection, such as the public address of a reverse proxy. Default: none.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Send Strict-Transport-Security on HTTPS answers. Default: false.</summary>
    public bool Hsts { get; set; }

    /// <summary>Redirect plain HTTP requests to HTTPS. Default: false.</summary>
    public bool RedirectToHttps { get; set; }

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
    /// believed (one hop). Default: none, so the client's address is always the TCP peer's.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>True when every known proxy is an IP address.</summary>
    internal bool ProxiesAreValid() => KnownProxies.All(p => System.Net.IPAddress.TryParse(p, out _));

    /// <summary>True when every allowed origin is an absolute http(s) URL with nothing after the authority.</summary>
    internal bool OriginsAreValid() => AllowedOrigins.All(o =>
        HubOriginCheck.Normalize(o) is not null
        && Uri.TryCreate(o, UriKind.Absolute, out var uri)
        && uri is { PathAndQuery: "/", Fragment: "", UserInfo: "" });
}
