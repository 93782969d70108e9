using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Audit;
using CloudAssist.Web.Invocations;

namespace CloudAssist.Web.Commands;

/// <summary>Validates and saves commands; shared by the operator API and the console.</summary>
public sealed class CommandService(CommandRepository commands, AuditLog audit, TimeProvider time)
{
    /// <summary>Creates a command, or answers why not, keyed by field.</summary>
    public async Task<(CommandRecord? Command, Dictionary<string, string[]> Errors)> CreateAsync(
        SaveCommandRequest request,
        AuditActor actor,
        CancellationToken ct)
    {
        var errors = await ValidateAsync(request, null, ct);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow();
        var command = ToRecord(request, Ids.New("cmd"), now, now);
        if (!await commands.CreateAsync(command, ct, Entry(actor, "created", null, command)))
        {
            errors["name"] = [$"A command named '{request.Name}' already exists."];
            return (null, errors);
        }

        return (command, errors);
    }

    /// <summary>Updates a command; null with no errors when it does not exist.</summary>
    public async Task<(CommandRecord? Command, Dictionary<string, string[]> Errors)> UpdateAsync(
        string id,
        SaveCommandRequest request,
        AuditActor actor,
        CancellationToken ct)
    {
        var existing = await commands.GetAsync(id, ct);
        if (existing is null)
        {
            return (null, []);
        }

        var errors = await ValidateAsync(request, id, ct);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var command = ToRecord(request, id, existing.CreatedAt, time.GetUtcNow());
        if (!await commands.UpdateAsync(command, ct, Entry(actor, "updated", existing, command)))
        {
            return (null, []);
        }

        return (command, errors);
    }

    /// <summary>Deletes a command; false when it does not exist. Execution records keep their copy.</summary>
    public async Task<bool> DeleteAsync(string id, AuditActor actor, CancellationToken ct)
    {
        var existing = await commands.GetAsync(id, ct);
        return existing is not null && await commands.DeleteAsync(id, ct, Entry(actor, "deleted", existing, null));
    }

    private AuditEntry Entry(AuditActor actor, string verb, CommandRecord? before, CommandRecord? after)
    {
        var command = (after ?? before)!;
        return audit.Entry(
            actor,
            "command." + verb,
            "command",
            command.Id,
            $"Command {command.Name} {verb}",
            new { Before = AuditedCommand.From(before), After = AuditedCommand.From(after) });
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(SaveCommandRequest request, string? id, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            errors["name"] = ["Give a name of 1 to 100 characters."];
        }
        else if (await commands.NameExistsAsync(request.Name.Trim(), id, ct))
        {
            errors["name"] = [$"A command named '{request.Name.Trim()}' already exists."];
        }

        if (!CommandTypes.IsKnown(request.CommandType))
        {
            errors["commandType"] = [$"Use one of: {string.Join(", ", CommandTypes.All)}."];
        }

        if (string.IsNullOrWhiteSpace(request.Content) || request.Content.Length > InvocationLimits.MaxContentChars)
        {
            errors["content"] = [$"Give the script, at most {InvocationLimits.MaxContentChars} characters."];
        }

        if (request.TimeoutSeconds is < 1 or > InvocationLimits.MaxTimeoutSeconds)
        {
            errors["timeoutSeconds"] = [$"Give a timeout from 1 to {InvocationLimits.MaxTimeoutSeconds} seconds."];
        }

        ValidateParameters(request.Parameters, errors);
        if (request.Description is { Length: > 1000 })
        {
            errors["description"] = ["At most 1000 characters."];
        }

        return errors;
    }

    private static void ValidateParameters(IReadOnlyList<CommandParameter> parameters, Dictionary<string, string[]> errors)
    {
        var problems = new List<string>();
        if (parameters.Count > 50)
        {
            problems.Add("At most 50 parameters.");
        }

        problems.AddRange(parameters.Where(p => !ScriptParameters.IsValidName(p.Name))
            .Select(p => $"'{p.Name}' is not a valid name: use letters, digits and _, not starting with a digit."));
        problems.AddRange(parameters.GroupBy(p => p.Name).Where(g => g.Count() > 1).Select(g => $"'{g.Key}' is declared twice."));
        problems.AddRange(parameters.Where(p => (p.DefaultValue?.Length ?? 0) > 4096 || (p.Description?.Length ?? 0) > 500)
            .Select(p => $"'{p.Name}': defaults are limited to 4096 characters and descriptions to 500."));
        if (problems.Count > 0)
        {
            errors["parameters"] = problems.ToArray();
        }
    }

    private static CommandRecord ToRecord(SaveCommandRequest request, string id, DateTimeOffset created, DateTimeOffset updated) => new()
    {
        Id = id,
        Name = request.Name.Trim(),
        Description = request.Description?.Trim() ?? "",
        CommandType = request.CommandType,
        Content = request.Content,
        WorkingDirectory = string.IsNullOrWhiteSpace(request.WorkingDirectory) ? null : request.WorkingDirectory.Trim(),
        TimeoutSeconds = request.TimeoutSeconds,
        ParametersJson = CommandParameter.Serialize(request.Parameters),
        CreatedAt = created,
        UpdatedAt = updated,
    };
}
