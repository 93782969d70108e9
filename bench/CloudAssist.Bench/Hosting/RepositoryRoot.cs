namespace CloudAssist.Bench.Hosting;

/// <summary>The folder holding CloudAssist.sln, found above the bench binaries; the server's content root.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "CloudAssist.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CloudAssist.sln not found above the bench binaries.");
    }
}
