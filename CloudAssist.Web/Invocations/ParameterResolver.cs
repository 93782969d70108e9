using CloudAssist.Data.Records;
using CloudAssist.Web.Commands;

namespace CloudAssist.Web.Invocations;

/// <summary>
/// Works out the value of every placeholder in a script: given values first, then declared
/// defaults. Secret values are kept apart: they are filled in only when a task is delivered.
/// </summary>
public static class ParameterResolver
{
    public const string Mask = "******";

    /// <summary>The resolved values, or errors naming the placeholders that have none.</summary>
    public static ResolvedParameters Resolve(
        CommandRecord? command,
        IReadOnlyDictionary<string, string>? given,
        IReadOnlyList<string>? adHocSecrets,
        Dictionary<string, string[]> errors)
    {
        var resolved = new ResolvedParameters();
        if (command is null)
        {
            return resolved;
        }

        var declared = CommandParameter.Parse(command.ParametersJson).ToDictionary(p => p.Name);
        var secretNames = declared.Values.Where(p => p.Secret).Select(p => p.Name).Concat(adHocSecrets ?? []).ToHashSet();
        var missing = new List<string>();
        foreach (var name in ScriptParameters.Names(command.Content))
        {
            string? value = given is not null && given.TryGetValue(name, out var g) ? g
                : declared.TryGetValue(name, out var parameter) ? parameter.DefaultValue
                : null;
            if (value is null)
            {
                missing.Add(name);
                continue;
            }

            (secretNames.Contains(name) ? resolved.Secret : resolved.Plain)[name] = value;
            resolved.ForDisplay[name] = secretNames.Contains(name) ? Mask : value;
        }

        if (missing.Count > 0)
        {
            errors["parameters"] = [$"Give a value for: {string.Join(", ", missing)}."];
        }
        else if (resolved.Plain.Values.Concat(resolved.Secret.Values).Any(v => v.Length > 4096))
        {
            errors["parameters"] = ["Parameter values are limited to 4096 characters."];
        }

        return resolved;
    }
}

/// <summary>Placeholder values split by whether they are secret.</summary>
public sealed class ResolvedParameters
{
    /// <summary>Values filled into the stored script.</summary>
    public Dictionary<string, string> Plain { get; } = [];

    /// <summary>Values filled in only at delivery, and masked in output.</summary>
    public Dictionary<string, string> Secret { get; } = [];

    /// <summary>Every value as records show it: secrets as a mask.</summary>
    public Dictionary<string, string> ForDisplay { get; } = [];
}
