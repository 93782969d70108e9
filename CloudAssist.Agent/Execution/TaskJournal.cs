using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CloudAssist.Agent.State;
using CloudAssist.Contracts;

namespace CloudAssist.Agent.Execution;

/// <summary>
/// One task's folder in the state directory: the assignment, the script, the output as it is
/// produced and, once the script has ended, its result. The folder goes away only after the
/// server has accepted every byte and the result, so a restart resumes where reporting stopped.
/// </summary>
public sealed class TaskJournal(string directory)
{
    public string Directory { get; } = directory;

    public string OutputPath => Path.Combine(Directory, "output.log");

    public string StreamsPath => Path.Combine(Directory, "streams.log");

    private string AssignmentPath => Path.Combine(Directory, "assignment.json");

    private string ResultPath => Path.Combine(Directory, "result.json");

    public static TaskJournal Create(AgentStateStore store, TaskAssignment assignment)
    {
        var journal = new TaskJournal(store.TaskDirectory(assignment.TaskId));
        AgentStateStore.WritePrivateFile(
            journal.AssignmentPath, JsonSerializer.Serialize(assignment, AgentJsonContext.Default.TaskAssignment));
        return journal;
    }

    public TaskAssignment? ReadAssignment() => Read(AssignmentPath, AgentJsonContext.Default.TaskAssignment);

    public ScriptResult? ReadResult() => Read(ResultPath, AgentJsonContext.Default.ScriptResult);

    public void WriteResult(ScriptResult result) =>
        AgentStateStore.WritePrivateFile(
            ResultPath, JsonSerializer.Serialize(result, AgentJsonContext.Default.ScriptResult));

    /// <summary>Writes the script to a file only the agent's user can read.</summary>
    public string WriteScript(string content, string extension)
    {
        var path = Path.Combine(Directory, "script" + extension);
        AgentStateStore.WritePrivateFile(path, content);
        return path;
    }

    public long OutputLength() => File.Exists(OutputPath) ? new FileInfo(OutputPath).Length : 0;

    /// <summary>Up to <paramref name="max"/> bytes of output from <paramref name="offset"/>.</summary>
    public byte[] ReadOutput(long offset, int max)
    {
        if (!File.Exists(OutputPath))
        {
            return [];
        }

        using var stream = new FileStream(OutputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (offset >= stream.Length)
        {
            return [];
        }

        stream.Position = offset;
        var buffer = new byte[(int)Math.Min(max, stream.Length - offset)];
        stream.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>The stream marks for output bytes [<paramref name="from"/>, <paramref name="to"/>): one at
    /// <paramref name="from"/> for the stream in effect there, and one at each switch inside.</summary>
    public IReadOnlyList<StreamMark> ReadStreams(long from, long to)
    {
        if (!File.Exists(StreamsPath))
        {
            return [];
        }

        var marks = new List<StreamMark>();
        StreamMark? current = null;
        using var stream = new FileStream(StreamsPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || !long.TryParse(parts[0], out var offset) || offset >= to)
            {
                continue;
            }

            if (offset <= from)
            {
                current = new StreamMark(from, parts[1]);
            }
            else
            {
                marks.Add(new StreamMark(offset, parts[1]));
            }
        }

        return current is null ? marks : [current, .. marks];
    }

    public void Delete() => System.IO.Directory.Delete(Directory, recursive: true);

    private static T? Read<T>(string path, JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), type) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
