using System.Text.Json;
using System.Text.Json.Serialization;
using CloudAssist.Agent.Execution;
using CloudAssist.Agent.State;
using CloudAssist.Contracts;

namespace CloudAssist.Agent;

/// <summary>
/// The JSON the agent speaks and stores, with serializers generated at build time: the web
/// defaults (camelCase, numbers read from strings too) and enums as their names. Every type the
/// agent sends, reads or keeps is listed here, so no serializer is made by reflection and the
/// agent can be published ahead of time, without the .NET runtime on the machine.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(RegisterResponse))]
[JsonSerializable(typeof(PollRequest))]
[JsonSerializable(typeof(PollResponse))]
[JsonSerializable(typeof(TaskStartedReport))]
[JsonSerializable(typeof(TaskStartedResponse))]
[JsonSerializable(typeof(OutputChunkReport))]
[JsonSerializable(typeof(OutputChunkResponse))]
[JsonSerializable(typeof(TaskFinishedReport))]
[JsonSerializable(typeof(CredentialRequest))]
[JsonSerializable(typeof(TaskAssignment))]
[JsonSerializable(typeof(ScriptResult))]
[JsonSerializable(typeof(AgentIdentity))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;

/// <summary>The body of a credential rotation request: empty, as the credential itself is the request.</summary>
internal sealed record CredentialRequest;
