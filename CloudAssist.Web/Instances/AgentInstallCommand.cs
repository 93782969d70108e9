namespace CloudAssist.Web.Instances;

/// <summary>
/// The one line an administrator runs on a new machine to start an agent with an activation code:
/// the published agent (README, "Add a machine") pointed at this server.
/// </summary>
public static class AgentInstallCommand
{
    /// <summary>Where deploy/cloudassist-agent.service expects the published agent.</summary>
    public const string AgentPath = "/opt/cloudassist-agent/CloudAssist.Agent";

    /// <summary>The command for the server at <paramref name="serverBaseUri"/> and the code.</summary>
    public static string For(string serverBaseUri, string activationCode) =>
        $"sudo {AgentPath} --Agent:ServerUrl={serverBaseUri.TrimEnd('/')} "
        + $"--Agent:ActivationCode={activationCode} --Agent:StateDirectory=/var/lib/cloudassist-agent";
}
