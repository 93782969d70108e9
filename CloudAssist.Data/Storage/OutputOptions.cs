namespace CloudAssist.Data.Storage;

/// <summary>Limits on stored output. Bound from the <c>Output</c> configuration section.</summary>
public sealed class OutputOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Output";

    /// <summary>The largest cap that may be configured: 16 MiB.</summary>
    public const int MaxCapBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Bytes kept per task. Past it the first half and the last half are kept and the middle is
    /// counted as dropped. Default 1 MiB, at most <see cref="MaxCapBytes"/>.
    /// </summary>
    public int MaxBytesPerTask { get; set; } = 1024 * 1024;
}
