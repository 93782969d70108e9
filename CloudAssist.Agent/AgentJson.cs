using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudAssist.Agent;

/// <summary>The JSON settings the agent speaks and stores with.</summary>
public static class AgentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
