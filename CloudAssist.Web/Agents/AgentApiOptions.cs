namespace CloudAssist.Web.Agents;

/// <summary>Timing of the agent protocol. Bound from the <c>AgentApi</c> section.</summary>
public sealed class AgentApiOptions
{
    public const string SectionName = "AgentApi";

    /// <summary>How long a poll with nothing to deliver is held open. Default: 25 s.</summary>
    public int PollHoldSeconds { get; set; } = 25;

    /// <summary>A delivered task not started after this long is delivered again. Default: 30 s.</summary>
    public int RedeliverAfterSeconds { get; set; } = 30;

    /// <summary>A task no agent fetched in this long ends Error, DeliveryTimeout. Default: 600 s.</summary>
    public int DeliveryTimeoutSeconds { get; set; } = 600;

    /// <summary>A running task unreported this long past its timeout ends Error, ExecutionInterrupted. Default: 60 s.</summary>
    public int RunningGraceSeconds { get; set; } = 60;

    /// <summary>An instance not seen for this long is shown offline. Default: 60 s.</summary>
    public int OfflineAfterSeconds { get; set; } = 60;

    /// <summary>How often the reaper looks for abandoned tasks. Default: 5 s.</summary>
    public int ReaperIntervalSeconds { get; set; } = 5;
}
