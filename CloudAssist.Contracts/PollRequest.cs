namespace CloudAssist.Contracts;

/// <summary>The agent's long-poll, which is also its heartbeat.</summary>
/// <param name="BootId">Identifies the machine's current boot, so the server can tell a reboot.</param>
/// <param name="FreeSlots">How many more tasks the agent will start now; zero asks only for stops.</param>
/// <param name="RunningTaskIds">The tasks the agent is running at this moment.</param>
/// <param name="AgentVersion">The agent's version, so upgrades show up without re-registering.</param>
/// <param name="Interpreters">The command types this machine can run (shell, bash, python, powershell).</param>
public sealed record PollRequest(
    string BootId,
    int FreeSlots,
    IReadOnlyList<string> RunningTaskIds,
    string AgentVersion,
    IReadOnlyList<string> Interpreters);
