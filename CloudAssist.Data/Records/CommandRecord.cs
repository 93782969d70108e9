namespace CloudAssist.Data.Records;

/// <summary>A saved script in the command library.</summary>
public sealed record CommandRecord
{
    /// <summary>The id, <c>cmd-...</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>A unique name.</summary>
    public string Name { get; init; } = "";

    /// <summary>What the command is for.</summary>
    public string Description { get; init; } = "";

    /// <summary>shell, bash, python or powershell; see <see cref="CommandTypes"/>.</summary>
    public string CommandType { get; init; } = CommandTypes.Shell;

    /// <summary>The script.</summary>
    public string Content { get; init; } = "";

    /// <summary>Where the script runs; the agent's default when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Seconds before the agent kills the script.</summary>
    public int TimeoutSeconds { get; init; } = 60;

    /// <summary>Declared parameters as JSON; kept opaque by the data layer.</summary>
    public string ParametersJson { get; init; } = "[]";

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
