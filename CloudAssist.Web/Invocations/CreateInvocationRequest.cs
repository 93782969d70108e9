using System.Text.Json.Serialization;

namespace CloudAssist.Web.Invocations;

/// <summary>Run a saved command (<see cref="CommandId"/>) or ad hoc content on instances.</summary>
public sealed record CreateInvocationRequest
{
    /// <summary>A saved command to run; or leave empty and give <see cref="Content"/>.</summary>
    public string? CommandId { get; init; }

    /// <summary>Ad hoc script content, when no command id is given.</summary>
    public string? Content { get; init; }

    /// <summary>For ad hoc content: shell (default), bash, python or powershell.</summary>
    public string? CommandType { get; init; }

    /// <summary>For ad hoc content: a label shown in execution records. Default: "Ad hoc command".</summary>
    public string? Name { get; init; }

    /// <summary>Overrides the command's working directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Overrides the command's timeout; 1 to 86400 seconds.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Values for the script's <c>{{name}}</c> placeholders; declared defaults fill the rest.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>For ad hoc content: parameter names whose values are secret (a saved command declares its own).</summary>
    public IReadOnlyList<string>? SecretParameters { get; init; }

    /// <summary>The instances to run on, by id; together with <see cref="Tags"/> 1 to 1000 instances.</summary>
    public IReadOnlyList<string> InstanceIds { get; init; } = [];

    /// <summary>Also run on every instance that carries all of these tags, resolved when the invocation is created.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>At most this many tasks at once: a count ("2") or a share of the targets ("25%"). Default: no limit.</summary>
    public string? MaxConcurrency { get; init; }

    /// <summary>After this many failed tasks (Failed, Timeout, Error) no new task starts. Default: no limit.</summary>
    public int? MaxErrors { get; init; }

    /// <summary>Run the script as this user instead of the agent's own (root when installed as a service).</summary>
    public string? RunAs { get; init; }

    /// <summary>Extra environment variables for the script.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The schedule firing this invocation; set by the scheduler, never read from a request body.</summary>
    [JsonIgnore]
    public string? ScheduleId { get; init; }
}
