namespace CloudAssist.Data.Records;

/// <summary>The command types, which choose the interpreter on the instance.</summary>
public static class CommandTypes
{
    /// <summary>POSIX shell, <c>/bin/sh</c>.</summary>
    public const string Shell = "shell";

    /// <summary>GNU bash.</summary>
    public const string Bash = "bash";

    /// <summary>python3.</summary>
    public const string Python = "python";

    /// <summary>PowerShell, <c>pwsh</c>.</summary>
    public const string PowerShell = "powershell";

    /// <summary>
    /// Not a script: the invocation sends a file (see <see cref="FileTransferRecord"/>). Not in
    /// <see cref="All"/>, so no command or ad hoc script can take this type.
    /// </summary>
    public const string File = "file";

    /// <summary>Every known script type.</summary>
    public static IReadOnlyList<string> All { get; } = [Shell, Bash, Python, PowerShell];

    /// <summary>True when <paramref name="type"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? type) => type is not null && All.Contains(type);
}
