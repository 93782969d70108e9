namespace CloudAssist.Web.Files;

/// <summary>Send a file to instances: it is written into a directory that exists there, atomically.</summary>
public sealed record SendFileRequest
{
    /// <summary>The file's name in the target directory: one path segment, no slash.</summary>
    public string FileName { get; init; } = "";

    /// <summary>The file's bytes in standard base64; at most 10 MiB once decoded.</summary>
    public string ContentBase64 { get; init; } = "";

    /// <summary>The absolute directory to write into, such as /etc/app. The agent never creates it.</summary>
    public string TargetDirectory { get; init; } = "";

    /// <summary>The user that owns the file. Default: the agent's own user (root when installed as a service).</summary>
    public string? Owner { get; init; }

    /// <summary>The file's group. Default: the owner's primary group.</summary>
    public string? Group { get; init; }

    /// <summary>The permission bits as 3 or 4 octal digits. Default: 0644.</summary>
    public string? Mode { get; init; }

    /// <summary>Replace a file of that name if there is one; otherwise its task ends Error, FileExists. Default: false.</summary>
    public bool Overwrite { get; init; }

    /// <summary>The instances to write it on, by id; together with <see cref="Tags"/> 1 to 1000 instances.</summary>
    public IReadOnlyList<string> InstanceIds { get; init; } = [];

    /// <summary>Also every instance that carries all of these tags.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>At most this many tasks at once: a count ("2") or a share of the targets ("25%"). Default: no limit.</summary>
    public string? MaxConcurrency { get; init; }

    /// <summary>After this many failed tasks no new task starts. Default: no limit.</summary>
    public int? MaxErrors { get; init; }
}
