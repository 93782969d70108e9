namespace CloudAssist.Data.Records;

/// <summary>A pending task with what the agent needs to run it.</summary>
public sealed record DeliverableTask
{
    /// <summary>The task id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Its invocation.</summary>
    public string InvocationId { get; init; } = "";

    /// <summary>The command type.</summary>
    public string CommandType { get; init; } = "";

    /// <summary>The script.</summary>
    public string Content { get; init; } = "";

    /// <summary>The working directory, if any.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The timeout.</summary>
    public int TimeoutSeconds { get; init; }

    /// <summary>The saved command, if any.</summary>
    public string? CommandId { get; init; }

    /// <summary>The user to run as, if any.</summary>
    public string? RunAs { get; init; }

    /// <summary>Extra environment variables as a JSON object.</summary>
    public string EnvironmentJson { get; init; } = "{}";

    /// <summary>Secret parameter values as a JSON object, or null when there are none.</summary>
    public string? SecretValuesJson { get; init; }
}
