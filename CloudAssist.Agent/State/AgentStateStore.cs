using System.Text.Json;

namespace CloudAssist.Agent.State;

/// <summary>The agent's state directory: its identity and a folder per task not yet fully reported.</summary>
public sealed class AgentStateStore
{
    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public AgentStateStore(string root)
    {
        Root = Path.GetFullPath(root);
        CreatePrivateDirectory(Root);
        CreatePrivateDirectory(TasksDirectory);
    }

    public string Root { get; }

    public string TasksDirectory => Path.Combine(Root, "tasks");

    private string IdentityPath => Path.Combine(Root, "identity.json");

    public AgentIdentity? LoadIdentity() =>
        File.Exists(IdentityPath)
            ? JsonSerializer.Deserialize(File.ReadAllText(IdentityPath), AgentJsonContext.Default.AgentIdentity)
            : null;

    /// <summary>Replaces the identity and flushes it to disk before returning.</summary>
    public void SaveIdentity(AgentIdentity identity) =>
        WritePrivateFile(
            IdentityPath, JsonSerializer.Serialize(identity, AgentJsonContext.Default.AgentIdentity), durable: true);

    public void DeleteIdentity() => File.Delete(IdentityPath);

    /// <summary>The folder for one task, created private on first use.</summary>
    public string TaskDirectory(string taskId)
    {
        var safe = string.Concat(taskId.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_'));
        var path = Path.Combine(TasksDirectory, safe);
        CreatePrivateDirectory(path);
        return path;
    }

    public IEnumerable<string> ExistingTaskDirectories() => Directory.EnumerateDirectories(TasksDirectory);

    /// <summary>
    /// Writes a private file through a temporary one and a rename. <paramref name="durable"/> also
    /// flushes it to disk first, for what must survive a power cut (a fresh credential).
    /// </summary>
    public static void WritePrivateFile(string path, string content, bool durable = false)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = PrivateFile,
        }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: durable);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static void CreatePrivateDirectory(string path)
    {
        Directory.CreateDirectory(path, PrivateDirectory);
        File.SetUnixFileMode(path, PrivateDirectory);
    }
}
