using System.Text.Json;

namespace CloudAssist.Web.Commands;

/// <summary>
/// A declared <c>{{name}}</c> placeholder of a command, with its default and description. A secret
/// one is never shown again after entry, and its value is masked in the stored output.
/// </summary>
public sealed record CommandParameter(string Name, string? DefaultValue = null, string? Description = null, bool Secret = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<CommandParameter> Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<CommandParameter>>(json, Json) ?? [];

    public static string Serialize(IEnumerable<CommandParameter> parameters) => JsonSerializer.Serialize(parameters, Json);
}
