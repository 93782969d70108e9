using CloudAssist.Data.Records;

namespace CloudAssist.Web.Files;

/// <summary>How a file invocation reads for a person, in execution records and on its page.</summary>
public static class FileSummary
{
    /// <summary>Such as <c>File: /etc/app/app.conf (812 bytes, mode 0640, owner app:staff, overwrite)</c>.</summary>
    public static string Describe(FileTransferRecord file)
    {
        var parts = new List<string> { $"{file.SizeBytes} bytes", $"mode {file.Mode}" };
        var owner = (file.Owner, file.Group) switch
        {
            ({ } user, { } group) => $"owner {user}:{group}",
            ({ } user, null) => $"owner {user}",
            (null, { } group) => $"group {group}",
            _ => null,
        };
        if (owner is not null)
        {
            parts.Add(owner);
        }

        if (file.Overwrite)
        {
            parts.Add("overwrite");
        }

        return $"File: {file.Path} ({string.Join(", ", parts)})";
    }
}
