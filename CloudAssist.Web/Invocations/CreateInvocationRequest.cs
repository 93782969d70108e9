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

    /// <summary>The instances to run on: 1 to 1000 ids.</summary>
    public IReadOnlyList<string> InstanceIds { get; init; } = [];

    /// <summary>The schedule firing this invocation; set by the scheduler, never read from a request body.</summary>
    [JsonIgnore]
    public string? ScheduleId { get; init; }
}
