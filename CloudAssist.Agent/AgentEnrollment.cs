using CloudAssist.Agent.State;
using CloudAssist.Agent.Transport;
using Microsoft.Extensions.Logging;

namespace CloudAssist.Agent;

/// <summary>
/// The agent's identity: registered once with the activation code, kept in the state directory, and
/// replaced when the server asks for a credential rotation.
/// </summary>
public sealed partial class AgentEnrollment(
    AgentOptions options,
    AgentApiClient api,
    AgentStateStore state,
    TimeProvider time,
    ILogger logger)
{
    private AgentIdentity? _identity;

    /// <summary>
    /// The stored identity, or a new one from registering; null when there is none and none can be
    /// had (no code, or the server refused it). The client sends its credential from then on.
    /// </summary>
    public async Task<AgentIdentity?> EnsureIdentityAsync(string version, CancellationToken ct)
    {
        _identity = state.LoadIdentity() ?? await RegisterAsync(version, ct);
        if (_identity is not null)
        {
            api.UseCredential(_identity.Credential);
        }

        return _identity;
    }

    /// <summary>
    /// Fetches a new credential, stores it durably and only then starts using it. A failure before
    /// the store leaves the previous credential in use, which the server accepts until the new one
    /// is first used; the next poll asks again.
    /// </summary>
    public async Task RotateCredentialAsync(CancellationToken ct)
    {
        var current = _identity ?? throw new InvalidOperationException("Rotation before registration.");
        var answer = await api.RotateCredentialAsync(ct);
        var next = current with { Credential = answer.Credential };
        state.SaveIdentity(next);
        api.UseCredential(next.Credential);
        _identity = next;
        LogRotated(logger, next.InstanceId);
    }

    private async Task<AgentIdentity?> RegisterAsync(string version, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.ActivationCode))
        {
            LogNoIdentity(logger, state.Root);
            return null;
        }

        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(options.MaxBackoffSeconds));
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var answer = await api.RegisterAsync(MachineFacts.Describe(options, version), ct);
                var identity = new AgentIdentity(options.ServerUrl, answer.InstanceId, answer.Credential);
                state.SaveIdentity(identity);
                LogRegistered(logger, answer.InstanceId);
                return identity;
            }
            catch (AgentApiException ex) when (!ex.IsRetryable)
            {
                LogRegistrationRefused(logger, ex.Message);
                return null;
            }
            catch (Exception ex) when (
                ex is HttpRequestException or AgentApiException or TaskCanceledException
                && !ct.IsCancellationRequested)
            {
                var delay = backoff.Next();
                AgentWorker.LogServerUnreachable(logger, delay.TotalSeconds, ServerCertificateTrust.Describe(ex));
                await Task.Delay(delay, time, ct);
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered as instance {InstanceId}")]
    private static partial void LogRegistered(ILogger logger, string instanceId);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "No identity in {StateDirectory} and no Agent:ActivationCode; the agent cannot register")]
    private static partial void LogNoIdentity(ILogger logger, string stateDirectory);

    [LoggerMessage(Level = LogLevel.Error, Message = "The server refused registration: {Reason}")]
    private static partial void LogRegistrationRefused(ILogger logger, string reason);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Instance {InstanceId} rotated its credential on the server's request; the new one is stored")]
    private static partial void LogRotated(ILogger logger, string instanceId);
}
