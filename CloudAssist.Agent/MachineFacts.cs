using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using CloudAssist.Contracts;

namespace CloudAssist.Agent;

/// <summary>What the agent tells the server about its machine.</summary>
public static class MachineFacts
{
    private const string BootIdPath = "/proc/sys/kernel/random/boot_id";

    /// <summary>The registration request: host name, OS, addresses and the agent's version.</summary>
    public static RegisterRequest Describe(AgentOptions options, string agentVersion)
    {
        var hostname = Environment.MachineName;
        return new RegisterRequest(
            options.ActivationCode!,
            hostname,
            string.IsNullOrWhiteSpace(options.InstanceName) ? hostname : options.InstanceName,
            RuntimeInformation.OSDescription,
            Addresses(),
            agentVersion);
    }

    /// <summary>The current boot's id (the configured override, for tests, wins); "unknown" without one.</summary>
    public static string BootId(AgentOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.BootId))
        {
            return options.BootId;
        }

        return File.Exists(BootIdPath) ? File.ReadAllText(BootIdPath).Trim() : "unknown";
    }

    private static List<string> Addresses()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up)
                .Where(n => n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Where(a => a.Address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
                .Select(a => a.Address.ToString())
                .Take(16)
                .ToList();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
