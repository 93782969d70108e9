namespace CloudAssist.Web.LocalAgent;

/// <summary>The agent the server can run for its own machine. Bound from the <c>LocalAgent</c> section.</summary>
public sealed class LocalAgentOptions
{
    public const string SectionName = "LocalAgent";

    /// <summary>Run it. On in Development (appsettings.Development.json), off otherwise.</summary>
    public bool Enabled { get; set; }

    /// <summary>Its state directory; default <c>{DataDirectory}/local-agent</c>.</summary>
    public string? StateDirectory { get; set; }

    /// <summary>Tasks it runs at once. Default: 4.</summary>
    public int MaxConcurrentTasks { get; set; } = 4;
}
