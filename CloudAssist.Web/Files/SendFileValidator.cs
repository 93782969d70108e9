using System.Text;
using System.Text.RegularExpressions;

namespace CloudAssist.Web.Files;

/// <summary>Checks the file part of a send-file request and says what to fix.</summary>
public static partial class SendFileValidator
{
    /// <summary>The decoded bytes, or null with an error under <c>contentBase64</c>.</summary>
    public static byte[]? Decode(string base64, Dictionary<string, string[]> errors)
    {
        var buffer = new byte[base64.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var length))
        {
            errors["contentBase64"] = ["Give the file's bytes in standard base64 (an empty string for an empty file)."];
            return null;
        }

        if (length > FileLimits.MaxFileBytes)
        {
            errors["contentBase64"] =
                [$"The file is {length} bytes; files are limited to 10 MiB ({FileLimits.MaxFileBytes} bytes)."];
            return null;
        }

        return buffer[..length];
    }

    /// <summary>The mode as four octal digits, or null with an error under <c>mode</c>.</summary>
    public static string? Mode(string? mode, Dictionary<string, string[]> errors)
    {
        var text = string.IsNullOrWhiteSpace(mode) ? "0644" : mode.Trim();
        if (!OctalMode().IsMatch(text))
        {
            errors["mode"] = [$"'{mode}' is not a mode: give 3 or 4 octal digits, such as 0644 or 755."];
            return null;
        }

        return text.PadLeft(4, '0');
    }

    public static void Validate(SendFileRequest request, Dictionary<string, string[]> errors)
    {
        var name = request.FileName;
        if (name is "" or "." or ".." || name.Contains('/') || name.Contains('\0')
            || Encoding.UTF8.GetByteCount(name) > 255)
        {
            errors["fileName"] = ["Give the file's name: at most 255 bytes, without '/', and not '.' or '..'."];
        }

        var directory = request.TargetDirectory;
        if (!directory.StartsWith('/') || directory.Contains('\0') || directory.Length > FileLimits.MaxDirectoryChars)
        {
            errors["targetDirectory"] =
                ["Give an absolute directory, such as /etc/app; it must already exist on the instances."];
        }

        foreach (var (field, value) in new[] { ("owner", request.Owner), ("group", request.Group) })
        {
            if (value is not null && !AccountName().IsMatch(value))
            {
                errors[field] =
                    [$"'{value}' is not a valid {field} name: 1-32 lowercase letters, digits, '_', '.' or '-'."];
            }
        }
    }

    [GeneratedRegex("^[0-7]{3,4}$")]
    private static partial Regex OctalMode();

    [GeneratedRegex("^[a-z_][a-z0-9_.-]{0,31}$")]
    private static partial Regex AccountName();
}
