using System.Globalization;
using System.Security.Cryptography;
using CloudAssist.Contracts;
using static CloudAssist.Agent.Execution.FileWriteResult;

namespace CloudAssist.Agent.Execution;

/// <summary>
/// Writes a delivered file atomically. The bytes go to a private temporary file in the target
/// directory, which gets its owner and mode and is flushed to disk before it is renamed to the
/// file's name: a reader sees the old file or the whole new one, never a part, and never the new
/// bytes with the wrong owner or mode.
/// </summary>
public static class FileWriter
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static FileWriteResult Write(FileTransfer file)
    {
        if (Check(file) is { } refused)
        {
            return refused;
        }

        var owner = file.Owner is null ? null : UserAccount.Find(file.Owner);
        if (file.Owner is not null && owner is null)
        {
            return Failed(ErrorCodes.AccountNotExists, $"There is no user '{file.Owner}' on this instance.");
        }

        var group = file.Group is null ? null : GroupAccount.Find(file.Group);
        if (file.Group is not null && group is null)
        {
            return Failed(ErrorCodes.AccountNotExists, $"There is no group '{file.Group}' on this instance.");
        }

        var path = Path.Combine(file.TargetDirectory, file.FileName);
        if (Directory.Exists(path))
        {
            return Failed(ErrorCodes.FileExists, $"'{path}' is a directory; a file never replaces one.");
        }

        if (!file.Overwrite && Occupied(path))
        {
            return Failed(ErrorCodes.FileExists, $"'{path}' already exists and overwrite is off.");
        }

        var mode = (UnixFileMode)Convert.ToInt32(file.Mode, 8);
        var gid = group?.Gid ?? owner?.Gid;
        return Place(file, path, mode, owner?.Uid, gid) ?? Written(Describe(file, path, owner, group));
    }

    private static FileWriteResult? Check(FileTransfer file)
    {
        if (file.FileName is "" or "." or ".." || file.FileName.Contains('/') || file.FileName.Contains('\0'))
        {
            return Failed(ErrorCodes.FileWriteFailed, $"'{file.FileName}' is not a file name.");
        }

        if (!Path.IsPathRooted(file.TargetDirectory) || !Directory.Exists(file.TargetDirectory))
        {
            return Failed(ErrorCodes.DirectoryNotExists, $"The target directory '{file.TargetDirectory}' does not exist.");
        }

        var octal = file.Mode.Length is 3 or 4 && file.Mode.All(c => c is >= '0' and <= '7');
        return octal ? null : Failed(ErrorCodes.FileWriteFailed, $"'{file.Mode}' is not an octal mode such as 0644.");
    }

    /// <summary>Writes the temporary file and renames it into place; null when that worked.</summary>
    private static FileWriteResult? Place(FileTransfer file, string path, UnixFileMode mode, int? uid, int? gid)
    {
        var random = RandomNumberGenerator.GetHexString(16, lowercase: true);
        var temporary = Path.Combine(file.TargetDirectory, $".cloudassist-{random}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = PrivateFile,
            }))
            {
                stream.Write(file.Content);
                if ((uid is not null || gid is not null) && !FileOwner.TrySet(stream.SafeFileHandle, uid, gid))
                {
                    return Failed(ErrorCodes.PermissionDenied,
                        $"The agent runs as '{Environment.UserName}' and may not give the file away; run it as root.");
                }

                // After the owner: changing the owner clears the set-user-id and set-group-id bits.
                File.SetUnixFileMode(stream.SafeFileHandle, mode);
                stream.Flush(flushToDisk: true);
            }

            // Without overwrite the move links the new name, which fails if it exists by now.
            File.Move(temporary, path, file.Overwrite);
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            return Failed(ErrorCodes.PermissionDenied, ex.Message);
        }
        catch (IOException) when (!file.Overwrite && Occupied(path))
        {
            return Failed(ErrorCodes.FileExists, $"'{path}' appeared while the file was written, and overwrite is off.");
        }
        catch (IOException ex)
        {
            return Failed(ErrorCodes.FileWriteFailed, ex.Message);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static bool Occupied(string path) => File.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static string Describe(FileTransfer file, string path, UserAccount? owner, GroupAccount? group)
    {
        var described = $"wrote {path} ({file.Content.Length} bytes, mode {file.Mode.PadLeft(4, '0')}";
        if (owner is null && group is null)
        {
            return described + ")";
        }

        // Without a group the owner's primary group was given, which the output names too.
        var user = owner?.Name ?? Environment.UserName;
        var groupName = group?.Name ?? Invariant(owner!.Gid);
        if (group is null && GroupAccount.Find(groupName) is { } primary)
        {
            groupName = primary.Name;
        }

        return $"{described}, owner {user}:{groupName})";
    }

    private static string Invariant(int id) => id.ToString(CultureInfo.InvariantCulture);
}
