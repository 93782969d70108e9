using CloudAssist.Data.Records;
using CloudAssist.Web.Commands;

namespace CloudAssist.Web.Audit;

/// <summary>
/// A command as stored, for an audit entry's before and after: every field, with the default of a
/// secret parameter replaced by <see cref="AuditLog.Mask"/>.
/// </summary>
public sealed record AuditedCommand(
    string Id,
    string Name,
    string Description,
    string CommandType,
    string Content,
    string? WorkingDirectory,
    int TimeoutSeconds,
    IReadOnlyList<CommandParameter> Parameters,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The audited form of <paramref name="command"/>; null stays null.</summary>
    public static AuditedCommand? From(CommandRecord? command) => command is null ? null : new(
        command.Id,
        command.Name,
        command.Description,
        command.CommandType,
        command.Content,
        command.WorkingDirectory,
        command.TimeoutSeconds,
        CommandParameter.Parse(command.ParametersJson)
            .Select(p => p.Secret && p.DefaultValue is not null ? p with { DefaultValue = AuditLog.Mask } : p)
            .ToList(),
        command.CreatedAt,
        command.UpdatedAt);
}
