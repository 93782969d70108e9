namespace CloudAssist.Web.Hosting;

/// <summary>The <c>Security</c> section: who may open a console circuit, and HTTPS behaviour.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>) besides the server's own that may open the console's
    /// SignalR connection, such as the public address of a reverse proxy. Default: none.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Send Strict-Transport-Security on HTTPS answers. Default: false.</summary>
    public bool Hsts { get; set; }

    /// <summary>Redirect plain HTTP requests to HTTPS. Default: false.</summary>
    public bool RedirectToHttps { get; set; }

    /// <summary>True when every allowed origin is an absolute http(s) URL with nothing after the authority.</summary>
    internal bool OriginsAreValid() => AllowedOrigins.All(o =>
        HubOriginCheck.Normalize(o) is not null
        && Uri.TryCreate(o, UriKind.Absolute, out var uri)
        && uri is { PathAndQuery: "/", Fragment: "", UserInfo: "" });
}
