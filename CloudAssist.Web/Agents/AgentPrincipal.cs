using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Web.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudAssist.Web.Agents;

/// <summary>
/// The instance an agent request authenticated as, as the store held it when the request
/// arrived, and the hash of the credential it presented.
/// </summary>
public sealed record AgentPrincipal(InstanceRecord Instance, byte[] PresentedHash)
{
    /// <summary>The instance's id.</summary>
    public string InstanceId => Instance.Id;

    private const string ItemKey = nameof(AgentPrincipal);

    /// <summary>
    /// An endpoint filter that admits only a request bearing a live instance's credential
    /// (<c>Authorization: Bearer {instanceId}.{secret}</c>) and answers 401 with the reason otherwise.
    /// During a rotation the previous credential is admitted too, until the new one is first used.
    /// </summary>
    public static async ValueTask<object?> RequireAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Refuse("Send the agent credential as 'Authorization: Bearer <credential>'.");
        }

        var credential = header["Bearer ".Length..].Trim();
        var dot = credential.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return Refuse("The credential is malformed.");
        }

        var instances = http.RequestServices.GetRequiredService<InstanceRepository>();
        var instance = await instances.GetAsync(credential[..dot], http.RequestAborted);
        var presented = Secrets.Hash(credential);
        var current = instance is not null && Secrets.HashesMatch(presented, instance.CredentialHash);
        var previous = instance?.PreviousCredentialHash is { } old && Secrets.HashesMatch(presented, old);
        if (instance is null || !(current || previous))
        {
            return Refuse("The credential is not recognised.");
        }

        if (instance.DeregisteredAt is not null)
        {
            return Deregistered();
        }

        if (current && instance.PreviousCredentialHash is not null)
        {
            await CompleteRotationAsync(http, instances, instance);
        }

        http.Items[ItemKey] = new AgentPrincipal(instance, presented);
        return await next(context);
    }

    /// <summary>The principal the filter stored for this request.</summary>
    public static AgentPrincipal From(HttpContext http) =>
        http.Items[ItemKey] as AgentPrincipal ?? throw new InvalidOperationException("The agent filter did not run.");

    /// <summary>The answer to any call from a deregistered instance, a poll held when it happened included.</summary>
    public static ProblemHttpResult Deregistered() =>
        Refuse("This instance was deregistered; register the agent again with a new activation code.");

    private static async Task CompleteRotationAsync(
        HttpContext http,
        InstanceRepository instances,
        InstanceRecord instance)
    {
        // The agent holds its new credential: the old one, and the pending request, end here.
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        if (await instances.CompleteCredentialRotationAsync(instance.Id, time.GetUtcNow(), http.RequestAborted))
        {
            http.RequestServices.GetRequiredService<ILogger<AgentPrincipal>>()
                .LogInformation("Instance {InstanceId} completed a credential rotation", instance.Id);
            http.RequestServices.GetRequiredService<ConsoleNotifier>().Publish(new InstanceChanged(instance.Id));
        }
    }

    /// <summary>A 401 saying why the agent was not admitted.</summary>
    public static ProblemHttpResult Refuse(string detail) =>
        TypedResults.Problem(title: "Agent not authenticated", detail: detail, statusCode: StatusCodes.Status401Unauthorized);
}
