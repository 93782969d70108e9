using System.Runtime.Versioning;
using System.Text;
using CloudAssist.Agent.Execution;
using CloudAssist.Contracts;

namespace CloudAssist.Web.Tests.Agent;

/// <summary>The agent's file writing, on a real temporary directory.</summary>
[SupportedOSPlatform("linux")]
public sealed class FileWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ca-filewriter-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Write_NewFile_HasTheBytesAndModeAndLeavesNoTemporaryFile()
    {
        var file = Transfer("app.conf", "key=value\n", mode: "0640");

        var result = FileWriter.Write(file);

        var path = Path.Combine(_directory, "app.conf");
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal($"wrote {path} (10 bytes, mode 0640)", result.Message);
        Assert.Equal("key=value\n", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead,
            File.GetUnixFileMode(path));
        Assert.Equal(["app.conf"], Directory.GetFileSystemEntries(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_ExistingFileWithoutOverwrite_FileExistsAndOldContentKept()
    {
        var path = Path.Combine(_directory, "keep.txt");
        File.WriteAllText(path, "old");

        var result = FileWriter.Write(Transfer("keep.txt", "new", overwrite: false));

        Assert.Equal(ErrorCodes.FileExists, result.ErrorCode);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void Write_ExistingFileWithOverwrite_Replaced()
    {
        var path = Path.Combine(_directory, "replace.txt");
        File.WriteAllText(path, "old content");

        var result = FileWriter.Write(Transfer("replace.txt", "new", overwrite: true));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void Write_DirectoryOfThatName_FileExistsEvenWithOverwrite()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "taken"));

        var result = FileWriter.Write(Transfer("taken", "x", overwrite: true));

        Assert.Equal(ErrorCodes.FileExists, result.ErrorCode);
        Assert.Contains("is a directory", result.Message);
    }

    [Fact]
    public void Write_MissingDirectory_DirectoryNotExists()
    {
        var missing = Path.Combine(_directory, "missing");

        var result = FileWriter.Write(Transfer("a.txt", "x") with { TargetDirectory = missing });

        Assert.Equal(ErrorCodes.DirectoryNotExists, result.ErrorCode);
    }

    [Theory]
    [InlineData("nosuchuser42", null, "user 'nosuchuser42'")]
    [InlineData(null, "nosuchgroup42", "group 'nosuchgroup42'")]
    public void Write_MissingOwnerOrGroup_AccountNotExistsAndNothingWritten(string? owner, string? group, string named)
    {
        var result = FileWriter.Write(Transfer("b.txt", "x") with { Owner = owner, Group = group });

        Assert.Equal(ErrorCodes.AccountNotExists, result.ErrorCode);
        Assert.Contains(named, result.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("..")]
    [InlineData("")]
    public void Write_NotAFileName_Refused(string name)
    {
        var result = FileWriter.Write(Transfer(name, "x"));

        Assert.Equal(ErrorCodes.FileWriteFailed, result.ErrorCode);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    private FileTransfer Transfer(string name, string content, string mode = "0644", bool overwrite = false) =>
        new(name, _directory, null, null, mode, overwrite, Encoding.UTF8.GetBytes(content));
}
