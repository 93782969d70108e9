using System.Text.RegularExpressions;

namespace CloudAssist.Web.Instances;

/// <summary>What a tag may be: the rules the console and the API both apply.</summary>
public static partial class InstanceTags
{
    public const int MaxTags = 20;

    /// <summary>Null when the tags are acceptable, else what to fix.</summary>
    public static string? Validate(IReadOnlyCollection<string> tags)
    {
        if (tags.Count > MaxTags)
        {
            return $"At most {MaxTags} tags.";
        }

        var bad = tags.FirstOrDefault(t => !TagPattern().IsMatch(t));
        return bad is null ? null : $"'{bad}' is not a valid tag: use 1-64 letters, digits, '-', '_', '.', ':' or '='.";
    }

    [GeneratedRegex("^[A-Za-z0-9._:=-]{1,64}$")]
    private static partial Regex TagPattern();
}
