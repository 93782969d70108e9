using CloudAssist.Agent.Transport;
using Microsoft.Extensions.Options;

namespace CloudAssist.Agent;

/// <summary>
/// Refuses a server URL that would carry the credential and scripts unencrypted across a network:
/// plain http:// is accepted only for a loopback address, or when
/// <see cref="AgentOptions.AllowInsecureHttp"/> is set. Refuses a trusted-certificate file that holds
/// no certificate.
/// </summary>
public sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        if (!Uri.TryCreate(options.ServerUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ValidateOptionsResult.Fail(
                "Agent:ServerUrl must be an absolute http(s) URL such as https://cloudassist.example.com; " +
                $"it is '{options.ServerUrl}'.");
        }

        if (url.Scheme == "http" && !url.IsLoopback && !options.AllowInsecureHttp)
        {
            return ValidateOptionsResult.Fail(
                $"Agent:ServerUrl {url} is plain http:// to a host that is not this machine: the agent's " +
                "credential and every script would cross the network unencrypted. Use an https:// URL, or set " +
                "Agent:AllowInsecureHttp=true on a network you trust.");
        }

        if (!string.IsNullOrWhiteSpace(options.TrustedCertificatePath)
            && ServerCertificateTrust.Load(options.TrustedCertificatePath, out var error) is null)
        {
            return ValidateOptionsResult.Fail(error!);
        }

        return ValidateOptionsResult.Success;
    }
}
