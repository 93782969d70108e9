namespace CloudAssist.Contracts;

/// <summary>Sizes both sides of the agent protocol agree on.</summary>
public static class ProtocolLimits
{
    /// <summary>The largest output chunk an agent sends in one report.</summary>
    public const int MaxChunkBytes = 256 * 1024;

    /// <summary>The largest request body the agent API accepts.</summary>
    public const long MaxRequestBytes = 1024 * 1024;

    /// <summary>The largest file a task can carry in <see cref="TaskAssignment.File"/>: 10 MiB.</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Header carrying the agent credential, as <c>Bearer {credential}</c>.</summary>
    public const string AuthorizationHeader = "Authorization";
}
