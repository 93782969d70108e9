namespace CloudAssist.Contracts;

/// <summary>A file the agent writes instead of running a script (command type <c>file</c>).</summary>
/// <param name="FileName">The file's name: one path segment, no slash.</param>
/// <param name="TargetDirectory">The absolute directory it goes in; the agent never creates it.</param>
/// <param name="Owner">The user that owns the file; null keeps the agent's own user.</param>
/// <param name="Group">The file's group; null takes the owner's primary group (the agent's when no owner).</param>
/// <param name="Mode">The permission bits in octal, such as <c>0644</c>.</param>
/// <param name="Overwrite">Whether an existing file of that name is replaced; when false the task ends Error, FileExists.</param>
/// <param name="Content">The bytes, base64 in JSON; at most <see cref="ProtocolLimits.MaxFileBytes"/>.</param>
public sealed record FileTransfer(
    string FileName,
    string TargetDirectory,
    string? Owner,
    string? Group,
    string Mode,
    bool Overwrite,
    byte[] Content);
