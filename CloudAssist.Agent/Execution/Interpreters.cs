namespace CloudAssist.Agent.Execution;

/// <summary>Maps a command type to the interpreter that runs it and the script file's extension.</summary>
public static class Interpreters
{
    private static readonly Dictionary<string, (string Program, string Extension)> ByType = new()
    {
        ["shell"] = ("sh", ".sh"),
        ["bash"] = ("bash", ".sh"),
        ["python"] = ("python3", ".py"),
        ["powershell"] = ("pwsh", ".ps1"),
    };

    /// <summary>The interpreter's full path and the script extension, or null when the type is unknown or absent here.</summary>
    public static (string Path, string Extension)? Resolve(string commandType)
    {
        if (!ByType.TryGetValue(commandType, out var entry))
        {
            return null;
        }

        var path = FindOnPath(entry.Program);
        return path is null ? null : (path, entry.Extension);
    }

    /// <summary>The command types this machine can run.</summary>
    public static IReadOnlyList<string> Available() => ByType.Keys.Where(t => Resolve(t) is not null).ToList();

    private static string? FindOnPath(string program)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':')
            .Concat(["/usr/local/bin", "/usr/bin", "/bin"]);
        return directories
            .Where(d => d.Length > 0)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);
    }
}
