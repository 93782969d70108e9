using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using CloudAssist.Agent;
using CloudAssist.Data.Records;
using CloudAssist.Web.Tests.Infrastructure;

namespace CloudAssist.Web.Tests.Agent;

/// <summary>
/// Real agent processes against the server over HTTPS with a self-signed certificate, which the
/// machine's trust store does not know.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class AgentTlsTests : IAsyncLifetime
{
    private const string Server = "https://cloudassist.test";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly X509Certificate2 _certificate = TestCertificate.Create("cloudassist.test");
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudassist-agent-tls-").FullName;
    private CloudAssistServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new CloudAssistServer(new Dictionary<string, string?>(), httpsCertificate: _certificate);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TrustedCertificatePath_AgentRegistersOverHttps_AndRunsACommand()
    {
        var (certificatePath, _) = TestCertificate.WritePem(_certificate, _directory);
        await using var agent = await AgentProcess.StartAsync(
            _server,
            "tls-agent",
            $"--Agent:ServerUrl={_server.HttpsUrl}",
            $"--Agent:TrustedCertificatePath={certificatePath}");

        var invocation = await _server.InvokeAsync("echo over tls", [agent.InstanceId]);
        var done = await _server.WaitForFinalAsync(invocation.Id, Deadline);

        Assert.Equal(InvocationTaskStatus.Success, Assert.Single(done.Tasks).Status);
        Assert.Equal("over tls\n", (await _server.GetOutputAsync(invocation.Id, done.Tasks[0].Id)).Text);
    }

    [Fact]
    public async Task NoTrustedCertificate_AgentNeverRegisters_AndLogsWhatToDo()
    {
        await using var agent = await AgentProcess.LaunchAsync(
            _server, "untrusting-agent", $"--Agent:ServerUrl={_server.HttpsUrl}");

        var log = await Eventually.HoldsAsync(
            () => Task.FromResult(agent.Log),
            text => text.Contains("Agent:TrustedCertificatePath", StringComparison.Ordinal),
            Deadline,
            "the agent to log that it does not trust the certificate");

        Assert.Contains("certificate", log, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(agent.StateDirectory, "identity.json")));
    }

    [Fact]
    public void TrustedCertificatePath_WithoutACertificate_IsRefusedSayingWhy()
    {
        var notPem = Path.Combine(_directory, "not-a-certificate.txt");
        File.WriteAllText(notPem, "hello");

        var validator = new AgentOptionsValidator();

        var result = validator.Validate(null, new AgentOptions { ServerUrl = Server, TrustedCertificatePath = notPem });
        var missing = validator.Validate(
            null, new AgentOptions { ServerUrl = Server, TrustedCertificatePath = notPem + ".gone" });

        Assert.Contains("holds no PEM certificate", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("cannot be read", missing.FailureMessage, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        _certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
