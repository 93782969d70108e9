namespace CloudAssist.Agent;

/// <summary>The agent's settings, bound from the <c>Agent</c> section (appsettings, environment, command line).</summary>
public sealed class AgentOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Agent";

    /// <summary>The server's base URL, for example <c>https://cloudassist.example.com</c>.</summary>
    public string ServerUrl { get; set; } = "";

    /// <summary>
    /// Accept a plain http:// <see cref="ServerUrl"/> to a host other than this machine. Default: false,
    /// as the credential and scripts would cross the network unencrypted.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// A PEM file of certificates to trust for the server besides the machine's trust store: a private
    /// CA's certificate, or the server's own self-signed one. Default: none.
    /// </summary>
    public string? TrustedCertificatePath { get; set; }

    /// <summary>Used once, to register, when the state directory holds no identity yet.</summary>
    public string? ActivationCode { get; set; }

    /// <summary>Where the identity, scripts and unreported results are kept. Default: /var/lib/cloudassist-agent.</summary>
    public string StateDirectory { get; set; } = "/var/lib/cloudassist-agent";

    /// <summary>The instance name to register with; the host name when empty.</summary>
    public string? InstanceName { get; set; }

    /// <summary>How many tasks run at once. Default: 4.</summary>
    public int MaxConcurrentTasks { get; set; } = 4;

    /// <summary>The longest wait between retries when the server is unreachable. Default: 60 s.</summary>
    public int MaxBackoffSeconds { get; set; } = 60;

    /// <summary>
    /// How long to wait before polling again after the server refused the credential (the instance
    /// was deregistered, say). Default: 900 s.
    /// </summary>
    public int RefusedRetrySeconds { get; set; } = 900;

    /// <summary>How often output is sent while it flows. Default: 500 ms.</summary>
    public int OutputFlushMilliseconds { get; set; } = 500;

    /// <summary>Overrides the machine's boot id (tests simulate reboots with it).</summary>
    public string? BootId { get; set; }
}
