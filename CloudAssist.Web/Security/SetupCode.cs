using CloudAssist.Web.Agents;

namespace CloudAssist.Web.Security;

/// <summary>
/// The one-time code that guards creating the first administrator. While no user exists the server
/// writes it to <c>{DataDirectory}/setup-code</c> (mode 0600) and logs where it is, never the code, so
/// whoever reaches the console first cannot claim the server without access to the machine.
/// </summary>
public sealed class SetupCode(string dataDirectory, ILogger<SetupCode> logger)
{
    private readonly Lock _gate = new();
    private byte[]? _hash;

    /// <summary>The file the code is written to.</summary>
    public string FilePath { get; } = Path.Combine(dataDirectory, "setup-code");

    /// <summary>Makes a code (once per process) and writes it out; called at start while there are no users.</summary>
    public void Issue()
    {
        lock (_gate)
        {
            if (_hash is not null)
            {
                return;
            }

            var code = Secrets.New("setup-")[..24];
            File.WriteAllText(FilePath, code + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            _hash = Secrets.Hash(code);
            logger.LogWarning(
                "No users yet. Open the console's /account/setup and enter the set-up code from {SetupCodeFile}",
                FilePath);
        }
    }

    /// <summary>Whether the presented code is the issued one, compared in constant time.</summary>
    public bool Matches(string? presented)
    {
        var hash = _hash;
        return hash is not null && presented is not null && Secrets.Matches(presented.Trim(), hash);
    }

    /// <summary>Forgets the code and deletes its file once the first administrator exists.</summary>
    public void Retire()
    {
        lock (_gate)
        {
            _hash = null;
            File.Delete(FilePath);
        }
    }
}
