namespace CloudAssist.Contracts;

/// <summary>The relative paths of the agent API, shared by the server and the agent.</summary>
public static class AgentRoutes
{
    /// <summary>Prefix of every agent call; the version changes only with a breaking change.</summary>
    public const string Prefix = "/api/agent/v1";

    /// <summary>POST: exchange an activation code for an instance id and credential.</summary>
    public const string Register = Prefix + "/register";

    /// <summary>POST: the long-poll that is also the heartbeat.</summary>
    public const string Poll = Prefix + "/poll";

    /// <summary>
    /// POST: a new credential for the calling instance, answered as a <see cref="RegisterResponse"/>.
    /// The one it was asked with stays valid until the new one is first used.
    /// </summary>
    public const string Credential = Prefix + "/credential";

    /// <summary>POST: the task has started.</summary>
    public static string Started(string taskId) => $"{Prefix}/tasks/{Uri.EscapeDataString(taskId)}/started";

    /// <summary>POST: a chunk of the task's output at a byte offset.</summary>
    public static string Output(string taskId) => $"{Prefix}/tasks/{Uri.EscapeDataString(taskId)}/output";

    /// <summary>POST: the task has finished.</summary>
    public static string Finished(string taskId) => $"{Prefix}/tasks/{Uri.EscapeDataString(taskId)}/finished";
}
