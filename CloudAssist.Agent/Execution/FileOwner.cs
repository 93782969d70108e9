using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CloudAssist.Agent.Execution;

/// <summary>Changes the owner of an open file through its descriptor, so the path cannot be swapped meanwhile.</summary>
internal static partial class FileOwner
{
    private const uint Unchanged = uint.MaxValue;

    /// <summary>Sets the owner and group; a null id leaves that one as it is. False when the kernel refused.</summary>
    public static bool TrySet(SafeFileHandle file, int? uid, int? gid)
    {
        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            var descriptor = (int)file.DangerousGetHandle();
            return fchown(descriptor, uid is { } u ? (uint)u : Unchanged, gid is { } g ? (uint)g : Unchanged) == 0;
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // DllImport keeps the project free of unsafe code.
    private static extern int fchown(int descriptor, uint owner, uint group);
#pragma warning restore SYSLIB1054
}
