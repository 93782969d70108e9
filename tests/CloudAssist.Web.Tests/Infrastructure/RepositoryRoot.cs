namespace CloudAssist.Web.Tests.Infrastructure;

/// <summary>The repository root: the folder holding CloudAssist.sln, found from the test binaries.</summary>
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

        return directory?.FullName ?? throw new InvalidOperationException("CloudAssist.sln not found above the test binaries.");
    }
}
