using System.Runtime.Versioning;
using CloudAssist.Agent;

namespace CloudAssist.Web.Tests.Agent;

[SupportedOSPlatform("linux")]
public sealed class AgentOptionsValidatorTests
{
    private readonly AgentOptionsValidator _sut = new();

    [Theory]
    [InlineData("https://cloudassist.example.com", false)]
    [InlineData("http://127.0.0.1:5080", false)]
    [InlineData("http://localhost:5080", false)]
    [InlineData("http://[::1]:5080", false)]
    [InlineData("http://cloudassist.example.com", true)]
    public void Validate_AcceptedUrl_Succeeds(string url, bool allowInsecure)
    {
        var result = _sut.Validate(null, new AgentOptions { ServerUrl = url, AllowInsecureHttp = allowInsecure });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("http://cloudassist.example.com:5080")]
    [InlineData("http://10.0.0.5")]
    public void Validate_PlainHttpOffLoopback_FailsSayingHowToFix(string url)
    {
        var result = _sut.Validate(null, new AgentOptions { ServerUrl = url });

        Assert.True(result.Failed);
        Assert.Contains("https://", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Agent:AllowInsecureHttp", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cloudassist.example.com")]
    [InlineData("ftp://cloudassist.example.com")]
    public void Validate_NotAnHttpUrl_Fails(string url)
    {
        var result = _sut.Validate(null, new AgentOptions { ServerUrl = url });

        Assert.True(result.Failed);
        Assert.Contains("absolute http(s) URL", result.FailureMessage, StringComparison.Ordinal);
    }
}
