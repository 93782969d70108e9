using System.Security.Cryptography;
using System.Text;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Files;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Web.Tests.EndToEnd;

/// <summary>Files sent through the operator API and written by real agents running as root.</summary>
public sealed class SendFileEndToEndTests(SendFileFixture fleet) : IClassFixture<SendFileFixture>, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly CloudAssistServer _server = fleet.Server;
    private readonly string _directory = Directory.CreateTempSubdirectory("ca-sendfile-").FullName;

    private string First => fleet.Agents[0].InstanceId;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SendFile_ToCreatedUserAndGroup_ArrivesWithTheirOwnershipAndTheMode()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (user, group) = ("caf" + suffix, "cag" + suffix);
        Shell.Run("groupadd", group);
        Shell.Run("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user);
        try
        {
            var content = Encoding.UTF8.GetBytes("listen 8080\n");
            var path = Path.Combine(_directory, "app.conf");
            var request = Request("app.conf", content) with { Owner = user, Group = group, Mode = "640" };

            var invocation = await _server.SendFileAsync(request);
            var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

            Assert.Equal(InvocationTaskStatus.Success, done.Tasks[0].Status);
            Assert.Equal(0, done.Tasks[0].ExitCode);
            Assert.Equal(content, await File.ReadAllBytesAsync(path));
            Assert.Equal($"{user}:{group} 640\n", Shell.Run("stat", "-c", "%U:%G %a", path));
            Assert.Equal($"wrote {path} (12 bytes, mode 0640, owner {user}:{group})\n",
                (await _server.GetOutputAsync(invocation.Id, done.Tasks[0].Id)).Text);
            Assert.Equal(CommandTypes.File, done.Invocation.CommandType);
            Assert.Equal($"File: {path} (12 bytes, mode 0640, owner {user}:{group})", done.Invocation.Content);
        }
        finally
        {
            File.Delete(Path.Combine(_directory, "app.conf"));
            Shell.Run("userdel", user);
            Shell.Run("groupdel", group);
        }
    }

    [Fact]
    public async Task SendFile_ExistingFileAndOverwriteOff_ErrorFileExistsAndOldContentKept()
    {
        var path = Path.Combine(_directory, "motd");
        await File.WriteAllTextAsync(path, "old");

        var invocation = await _server.SendFileAsync(Request("motd", "new"u8.ToArray()) with { Overwrite = false });
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(InvocationTaskStatus.Error, done.Tasks[0].Status);
        Assert.Equal("FileExists", done.Tasks[0].ErrorCode);
        Assert.Contains(path, done.Tasks[0].ErrorMessage);
        Assert.Equal("old", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task SendFile_ExistingFileAndOverwriteOn_Replaced()
    {
        var path = Path.Combine(_directory, "replace.txt");
        await File.WriteAllTextAsync(path, "old content");

        var request = Request("replace.txt", "new"u8.ToArray()) with { Overwrite = true, Mode = "0600" };

        var invocation = await _server.SendFileAsync(request);
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(InvocationTaskStatus.Success, done.Tasks[0].Status);
        Assert.Equal("new", await File.ReadAllTextAsync(path));
        Assert.Equal("root:root 600\n", Shell.Run("stat", "-c", "%U:%G %a", path));
    }

    [Fact]
    public async Task SendFile_MissingTargetDirectory_ErrorDirectoryNotExists()
    {
        var missing = Path.Combine(_directory, "no", "such", "dir");

        var request = Request("a.txt", "x"u8.ToArray()) with { TargetDirectory = missing };

        var invocation = await _server.SendFileAsync(request);
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(InvocationTaskStatus.Error, done.Tasks[0].Status);
        Assert.Equal("DirectoryNotExists", done.Tasks[0].ErrorCode);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task SendFile_MissingOwner_ErrorAccountNotExistsAndNothingWritten()
    {
        var invocation = await _server.SendFileAsync(Request("b.txt", "x"u8.ToArray()) with { Owner = "nosuchuser42" });
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(InvocationTaskStatus.Error, done.Tasks[0].Status);
        Assert.Equal("AccountNotExists", done.Tasks[0].ErrorCode);
        Assert.Contains("nosuchuser42", done.Tasks[0].ErrorMessage);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task SendFile_TenMiBToTwoInstances_BothWriteItWholeAndTheStoredBytesAreDropped()
    {
        var content = RandomNumberGenerator.GetBytes(FileLimits.MaxFileBytes);
        var request = Request("big.bin", content) with
        {
            Overwrite = true,
            InstanceIds = fleet.Agents.Select(a => a.InstanceId).ToList(),
        };

        var invocation = await _server.SendFileAsync(request);
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(InvocationStatus.Success, done.Invocation.Status);
        Assert.Equal(2, done.Tasks.Count);
        var written = await File.ReadAllBytesAsync(Path.Combine(_directory, "big.bin"));
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(written));
        var files = _server.Services.GetRequiredService<FileTransferRepository>();
        var stored = await files.GetAsync(invocation.Id, CancellationToken.None);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored!.Sha256);
        await Eventually.HoldsAsync(
            () => files.ReadContentAsync(invocation.Id, CancellationToken.None),
            bytes => bytes is null,
            Deadline,
            "the sent bytes to be dropped once the invocation ended");
    }

    private SendFileRequest Request(string name, byte[] content) => new()
    {
        FileName = name,
        ContentBase64 = Convert.ToBase64String(content),
        TargetDirectory = _directory,
        InstanceIds = [First],
    };
}
