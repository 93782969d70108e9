namespace CloudAssist.Data.Records;

/// <summary>What a file invocation sends: where the file goes and how it is owned. The bytes are stored beside it.</summary>
public sealed record FileTransferRecord
{
    /// <summary>The invocation that sends the file; its command type is <see cref="CommandTypes.File"/>.</summary>
    public string InvocationId { get; init; } = "";

    /// <summary>The file's name in the target directory.</summary>
    public string FileName { get; init; } = "";

    /// <summary>The absolute directory the file is written to; it must exist on the instance.</summary>
    public string TargetDirectory { get; init; } = "";

    /// <summary>The user that owns the file; null for the agent's own user.</summary>
    public string? Owner { get; init; }

    /// <summary>The file's group; null for the owner's primary group.</summary>
    public string? Group { get; init; }

    /// <summary>The permission bits as four octal digits, such as <c>0644</c>.</summary>
    public string Mode { get; init; } = "0644";

    /// <summary>Whether an existing file of that name is replaced.</summary>
    public bool Overwrite { get; init; }

    /// <summary>The file's size.</summary>
    public long SizeBytes { get; init; }

    /// <summary>The SHA-256 of the bytes, lowercase hex, so a copy on an instance can be checked.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>The full path on the instance.</summary>
    public string Path => TargetDirectory.TrimEnd('/') + "/" + FileName;
}
