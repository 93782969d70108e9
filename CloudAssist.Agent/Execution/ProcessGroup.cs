using System.Runtime.InteropServices;

namespace CloudAssist.Agent.Execution;

/// <summary>Signals a whole process group, so that a script's children die with it.</summary>
internal static partial class ProcessGroup
{
    private const int SigKill = 9;

    /// <summary>Sends SIGKILL to every process in the group led by <paramref name="groupId"/>.</summary>
    public static void Kill(int groupId)
    {
        if (groupId > 1)
        {
            _ = kill(-groupId, SigKill);
        }
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // DllImport keeps the project free of unsafe code.
    private static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
