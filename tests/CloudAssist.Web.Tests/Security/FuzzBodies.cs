using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace CloudAssist.Web.Tests.Security;

/// <summary>One malformed request body: what kind it is, its bytes, and the Content-Type it is sent with.</summary>
public sealed record FuzzBody(string Kind, byte[] Bytes, string? ContentType);

/// <summary>
/// Draws malformed bodies from a seeded <see cref="Random"/>: each is invalid for its endpoint by
/// construction (bad JSON, a wrong type, too deep, too large, or not JSON at all).
/// </summary>
public sealed class FuzzBodies(Random random)
{
    private const string Json = "application/json";

    private static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "",
    ];

    private static readonly string[] WrongTopLevel = ["42", "\"text\"", "[]", "null", "true", "-1e999", "[{}]"];

    /// <summary>A body for an endpoint that reads <paramref name="type"/>.</summary>
    /// <param name="type">The endpoint's body type, or null.</param>
    /// <param name="maxBytes">The endpoint's body limit; one body in a hundred exceeds it.</param>
    /// <param name="index">The body's number for this endpoint.</param>
    public FuzzBody Next(Type? type, long maxBytes, int index) => (index % 100 == 99 ? 9 : random.Next(9)) switch
    {
        0 => new("random bytes", RandomBytes(random.Next(1, 4096)), Json),
        1 => Truncated(type),
        2 => WrongTypes(type),
        3 => new("wrong top-level value", Utf8(WrongTopLevel[random.Next(WrongTopLevel.Length)]), Json),
        4 => Deep(),
        5 => new("wrong content type", Utf8(Template(type)), WrongContentTypes[random.Next(WrongContentTypes.Length)]),
        6 => new("empty body", [], Json),
        7 => random.Next(4) == 0 ? HugeStrings(type, maxBytes) : Truncated(type),
        8 => new("random bytes, binary type", RandomBytes(random.Next(1, 512)), "application/octet-stream"),
        _ => Oversized(maxBytes),
    };

    private FuzzBody Truncated(Type? type)
    {
        var template = Template(type);
        return new("truncated valid body", Utf8(template[..random.Next(1, template.Length)]), Json);
    }

    private FuzzBody WrongTypes(Type? type)
    {
        var properties = Properties(type).Where(p => Wrong(p.PropertyType) is not null).ToList();
        if (properties.Count == 0)
        {
            return new("wrong types (no typed members)", Utf8("[\"not an object\"]"), Json);
        }

        var chosen = properties.Where(_ => random.Next(2) == 0)
            .DefaultIfEmpty(properties[random.Next(properties.Count)]);
        var members = chosen.Select(p => $"\"{Name(p)}\":{Wrong(p.PropertyType)}");
        return new("wrong types", Utf8("{" + string.Join(',', members) + "}"), Json);
    }

    private FuzzBody HugeStrings(Type? type, long maxBytes)
    {
        var length = random.Next(4096, (int)Math.Min(maxBytes / 2, 600_000));
        var huge = JsonSerializer.Serialize(new string((char)random.Next('a', 'z' + 1), length));
        var names = Properties(type).Where(p => p.PropertyType == typeof(string)).Select(Name).DefaultIfEmpty("x");
        return new("huge strings", Utf8("{" + string.Join(',', names.Select(n => $"\"{n}\":{huge}")) + "}"), Json);
    }

    private FuzzBody Deep()
    {
        var depth = random.Next(65, 20_000);
        var body = random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        return new("deep nesting", Utf8(body), Json);
    }

    private FuzzBody Oversized(long maxBytes)
    {
        var bytes = new byte[maxBytes + random.Next(1, 65_536)];
        Array.Fill(bytes, (byte)'a');
        "{\"a\":\""u8.CopyTo(bytes);
        "\"}"u8.CopyTo(bytes.AsSpan(bytes.Length - 2));
        return new("oversized body", bytes, Json);
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A plausible JSON object for the type: every member present with a value of its type.</summary>
    private static string Template(Type? type)
    {
        var members = Properties(type).Select(p => $"\"{Name(p)}\":{Plausible(p.PropertyType)}");
        return "{" + string.Join(',', members.DefaultIfEmpty("\"value\":\"x\"")) + "}";
    }

    private static string Plausible(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "\"fuzz\"",
            _ when type == typeof(bool) => "true",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "\"2026-01-01T00:00:00Z\"",
            _ when type.IsEnum => $"\"{Enum.GetNames(type)[0]}\"",
            _ when type.IsPrimitive || type == typeof(decimal) => "1",
            _ when IsDictionary(type) => "{}",
            _ when typeof(IEnumerable).IsAssignableFrom(type) => "[]",
            _ => "{}",
        };
    }

    /// <summary>A JSON value the type cannot be read from, or null when any value would do.</summary>
    private static string? Wrong(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(object) || type == typeof(JsonElement) || type == typeof(JsonDocument))
        {
            return null;
        }

        if (IsDictionary(type))
        {
            return "[1]";
        }

        return type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) ? "{\"a\":1}" : "[1,2]";
    }

    private static bool IsDictionary(Type type) =>
        typeof(IDictionary).IsAssignableFrom(type) || IsGeneric(type, typeof(IReadOnlyDictionary<,>));

    private static bool IsGeneric(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
        || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    private static IEnumerable<PropertyInfo> Properties(Type? type) =>
        type?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead) ?? [];

    private static string Name(PropertyInfo property) => JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
