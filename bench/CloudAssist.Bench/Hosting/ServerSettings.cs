namespace CloudAssist.Bench.Hosting;

/// <summary>The server configuration every benchmark starts from.</summary>
public static class ServerSettings
{
    /// <summary>A fresh data directory, no local agent, and logs quiet enough not to cost CPU at fleet scale.</summary>
    public static Dictionary<string, string> For(string dataDirectory, int pollHoldSeconds) => new()
    {
        ["DataDirectory"] = dataDirectory,
        ["LocalAgent:Enabled"] = "false",
        ["AgentApi:PollHoldSeconds"] = pollHoldSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AgentApi:OfflineAfterSeconds"] = (pollHoldSeconds + 60).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Serilog:MinimumLevel:Default"] = "Warning",
        // A fleet registers every agent from this machine's one address within seconds.
        ["RateLimits:RegistrationPerMinute"] = "1000000",
    };

    public static string NewDataDirectory() =>
        Path.Combine(Path.GetTempPath(), "ca-bench-" + Guid.NewGuid().ToString("N")[..12]);

    public static void DeleteDataDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process being torn down; the temp directory is the OS's to clean.
        }
    }
}
