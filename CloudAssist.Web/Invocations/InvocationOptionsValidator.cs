using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudAssist.Web.Invocations;

/// <summary>Checks the rollout and run options of an invocation request and says what to fix.</summary>
public static partial class InvocationOptionsValidator
{
    /// <summary>The concurrency limit as a task count for <paramref name="targets"/> targets, or null for none.</summary>
    public static int? ResolveConcurrency(string? value, int targets, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var percent = text.EndsWith('%');
        if (!int.TryParse(percent ? text[..^1] : text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < 1 || (percent && number > 100))
        {
            errors["maxConcurrency"] = ["Give a count of 1 or more (\"2\") or a percentage from 1% to 100% (\"25%\")."];
            return null;
        }

        return percent ? Math.Max(1, (int)Math.Ceiling(targets * number / 100.0)) : number;
    }

    public static void Validate(CreateInvocationRequest request, Dictionary<string, string[]> errors)
    {
        if (request.MaxErrors is < 1)
        {
            errors["maxErrors"] = ["Give 1 or more failed tasks after which the rollout stops, or leave it empty."];
        }

        if (request.RunAs is { } user && !UserName().IsMatch(user))
        {
            errors["runAs"] = [$"'{user}' is not a valid user name: 1-32 lowercase letters, digits, '_', '.' or '-'."];
        }

        if (request.Environment is { } environment)
        {
            var bad = environment.Keys.Where(k => !VariableName().IsMatch(k)).ToList();
            if (environment.Count > 50 || bad.Count > 0 || environment.Values.Any(v => v.Length > 4096))
            {
                errors["environment"] =
                [
                    "At most 50 variables with names of letters, digits and '_' (not starting with a digit) and values up to 4096 characters."
                    + (bad.Count > 0 ? $" Not valid: {string.Join(", ", bad.Take(5))}." : ""),
                ];
            }
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_.-]{0,31}$")]
    private static partial Regex UserName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex VariableName();
}
