namespace CloudAssist.Web.Tests.Infrastructure;

/// <summary>Reads /proc to find processes whose command line contains a marker.</summary>
public static class ProcessList
{
    public static List<string> WithArgument(string marker) =>
        Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => Read(Path.Combine(d, "cmdline")))
            .Where(cmd => cmd.Contains(marker, StringComparison.Ordinal) && !cmd.Contains("dotnet", StringComparison.Ordinal))
            .ToList();

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Replace('\0', ' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
