using System.Diagnostics;

namespace CloudAssist.Agent.Execution;

/// <summary>A local group as the name service knows it.</summary>
public sealed record GroupAccount(string Name, int Gid)
{
    /// <summary>The group <paramref name="nameOrGid"/> (a name or a numeric id), or null when there is none.</summary>
    public static GroupAccount? Find(string nameOrGid)
    {
        if (string.IsNullOrWhiteSpace(nameOrGid) || nameOrGid.Contains(':') || nameOrGid.StartsWith('-'))
        {
            return null;
        }

        var info = new ProcessStartInfo("getent") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("group");
        info.ArgumentList.Add(nameOrGid);
        using var process = Process.Start(info)!;
        var line = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        var fields = line.Split(':');
        if (process.ExitCode != 0 || fields.Length < 3 || !int.TryParse(fields[2], out var gid))
        {
            return null;
        }

        return new GroupAccount(fields[0], gid);
    }
}
