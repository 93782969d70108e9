namespace CloudAssist.Data.Storage;

/// <summary>Where the database lives. Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Database";

    /// <summary>
    /// Path of the SQLite file. Relative paths are resolved against the app's data directory.
    /// Default: <c>cloudassist.db</c>.
    /// </summary>
    public string Path { get; set; } = "cloudassist.db";

    /// <summary>How long a statement waits for a lock before failing. Default: 5000 ms.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;
}
