namespace CloudAssist.Web.Commands;

/// <summary>The fields of a command to create or update.</summary>
public sealed record SaveCommandRequest
{
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public string CommandType { get; init; } = "shell";
    public string Content { get; init; } = "";
    public string? WorkingDirectory { get; init; }
    public int TimeoutSeconds { get; init; } = 60;
    public IReadOnlyList<CommandParameter> Parameters { get; init; } = [];
}
