using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudAssist.Bench.Hosting;

/// <summary>The JSON the server speaks: web defaults with enums as names.</summary>
public static class BenchJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
