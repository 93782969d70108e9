using CloudAssist.Contracts;

namespace CloudAssist.Web.Files;

/// <summary>The bounds a file sent to instances stays within.</summary>
public static class FileLimits
{
    /// <summary>The largest file: 10 MiB.</summary>
    public const int MaxFileBytes = ProtocolLimits.MaxFileBytes;

    /// <summary>
    /// The largest request body of POST /api/v1/files. A 10 MiB file is 13.4 MiB in base64, and
    /// encoders that escape '+' as \u002B (System.Text.Json's default) add about 1 MiB more.
    /// </summary>
    public const long MaxRequestBytes = 16 * 1024 * 1024;

    /// <summary>Longest directory path accepted (PATH_MAX on Linux).</summary>
    public const int MaxDirectoryChars = 4096;

    /// <summary>What a person is told when the body is over <see cref="MaxRequestBytes"/>.</summary>
    public const string TooLargeDetail =
        "Files are limited to 10 MiB (10485760 bytes), and the request carrying one in base64 to 16 MiB.";
}
