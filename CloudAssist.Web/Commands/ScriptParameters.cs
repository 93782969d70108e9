using System.Text;
using System.Text.RegularExpressions;
using CloudAssist.Data.Records;

namespace CloudAssist.Web.Commands;

/// <summary>
/// Fills <c>{{name}}</c> placeholders with values quoted for the command's interpreter, so a value
/// always arrives as one literal string: quotes, <c>$(...)</c>, backticks, <c>;</c> and newlines
/// inside it are text, never code. Write placeholders bare, where a word or string literal goes.
/// </summary>
public static partial class ScriptParameters
{
    /// <summary>The names of the placeholders in <paramref name="content"/>, in order of first use.</summary>
    public static IReadOnlyList<string> Names(string content) =>
        Placeholder().Matches(content).Select(m => m.Groups[1].Value).Distinct().ToList();

    /// <summary>True when <paramref name="name"/> can be a parameter name.</summary>
    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    /// <summary>The script with each placeholder that has a value replaced by the quoted value; others stay.</summary>
    public static string Render(string content, string commandType, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(content, m => values.TryGetValue(m.Groups[1].Value, out var value) ? Quote(value, commandType) : m.Value);

    /// <summary>The script with each <c>{{ca:Name}}</c> built-in replaced by its quoted value; unknown ones stay.</summary>
    public static string RenderBuiltIns(string content, string commandType, IReadOnlyDictionary<string, string> values) =>
        BuiltIn().Replace(content, m => values.TryGetValue("ca:" + m.Groups[1].Value, out var value)
            ? Quote(value, commandType)
            : m.Value);

    /// <summary>A literal of <paramref name="value"/> in the interpreter's syntax.</summary>
    public static string Quote(string value, string commandType) => commandType switch
    {
        CommandTypes.Python => PythonString(value),
        CommandTypes.PowerShell => "'" + value.Replace("'", "''") + "'",
        _ => "'" + value.Replace("'", "'\\''") + "'",
    };

    private static string PythonString(string value)
    {
        var builder = new StringBuilder("'");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                < ' ' or '\u007f' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return builder.Append('\'').ToString();
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]{0,63})\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{\{\s*ca:([A-Za-z]{1,32})\s*\}\}")]
    private static partial Regex BuiltIn();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex ValidName();
}
