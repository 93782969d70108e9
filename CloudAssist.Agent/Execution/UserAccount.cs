using System.Diagnostics;

namespace CloudAssist.Agent.Execution;

/// <summary>A local user account as the name service knows it (files, LDAP, whatever NSS is set up with).</summary>
public sealed record UserAccount(string Name, int Uid, int Gid, string Home)
{
    /// <summary>The account named <paramref name="name"/>, or null when there is none.</summary>
    public static UserAccount? Find(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains(':') || name.StartsWith('-'))
        {
            return null;
        }

        var info = new ProcessStartInfo("getent") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("passwd");
        info.ArgumentList.Add(name);
        using var process = Process.Start(info)!;
        var line = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        var fields = line.Split(':');
        if (process.ExitCode != 0 || fields.Length < 7
            || !int.TryParse(fields[2], out var uid) || !int.TryParse(fields[3], out var gid))
        {
            return null;
        }

        return new UserAccount(fields[0], uid, gid, fields[5]);
    }

    /// <summary>True when this process runs as root and so may switch to another user.</summary>
    public static bool CanSwitch() => Environment.UserName == "root";
}
