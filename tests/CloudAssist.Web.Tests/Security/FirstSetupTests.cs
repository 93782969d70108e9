using System.Net;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudAssist.Web.Tests.Security;

/// <summary>
/// A server with no users: the set-up code guards the first administrator; there is no default account.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FirstSetupTests : IDisposable
{
    private readonly CloudAssistServer _server = new(
        new Dictionary<string, string?> { ["Security:LockoutThreshold"] = "3" }, seedUsers: false);

    [Fact]
    public async Task FirstRun_NoUsers_SignInSendsToSetupAndNothingIsOpen()
    {
        using var client = SessionClient.Anonymous(_server);

        var login = await client.Http.GetAsync("/account/login");
        var api = await client.Http.GetAsync("/api/v1/commands");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.EndsWith("/account/setup", login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(0, await Users.CountAsync(default));
    }

    [Fact]
    public async Task Setup_WrongCodeThenRightCode_CreatesOneAdministratorAndRetiresTheCode()
    {
        var codeFile = Path.Combine(_server.DataDirectory, "setup-code");
        var code = (await File.ReadAllTextAsync(codeFile)).Trim();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(codeFile));
        using var client = SessionClient.Anonymous(_server);

        var wrong = await client.PostFormAsync("/account/setup", "setup", Fields("setup-wrong"));
        Assert.Contains("The set-up code is not the one in", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(0, await Users.CountAsync(default));

        var right = await client.PostFormAsync("/account/setup", "setup", Fields(code));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/users")).StatusCode);
        Assert.False(File.Exists(codeFile));

        using var other = SessionClient.Anonymous(_server);
        Assert.Equal(HttpStatusCode.Redirect, (await other.Http.GetAsync("/account/setup")).StatusCode);
        var user = Assert.Single(await Users.ListAsync(default));
        Assert.Equal(CloudAssist.Data.Records.UserRole.Administrator, user.Role);
        Assert.StartsWith("AQAAAA", user.PasswordHash);
    }

    [Fact]
    public async Task SignIn_ThreeFailures_LocksEvenTheRightPassword()
    {
        var users = _server.Services.GetRequiredService<CloudAssist.Web.Security.UserService>();
        await users.CreateAsync(
            "locked",
            CloudAssist.Data.Records.UserRole.Viewer,
            CloudAssistServer.Password,
            CloudAssist.Web.Audit.AuditActor.Server,
            default);
        using var client = SessionClient.Anonymous(_server);

        for (var i = 0; i < 3; i++)
        {
            await client.PostFormAsync(
                "/account/login", "sign-in", new() { ["Input.UserName"] = "locked", ["Input.Password"] = "wrong" });
        }

        var response = await client.PostFormAsync("/account/login", "sign-in", new()
        {
            ["Input.UserName"] = "locked",
            ["Input.Password"] = CloudAssistServer.Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Too many failed sign-ins", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _server.Dispose();

    private UserRepository Users => _server.Services.GetRequiredService<UserRepository>();

    private static Dictionary<string, string> Fields(string code) => new()
    {
        ["Input.SetupCode"] = code,
        ["Input.UserName"] = "root-admin",
        ["Input.Password"] = CloudAssistServer.Password,
        ["Input.Confirm"] = CloudAssistServer.Password,
    };
}
