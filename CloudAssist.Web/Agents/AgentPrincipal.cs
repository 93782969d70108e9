using CloudAssist.Data.Repositories;

namespace CloudAssist.Web.Agents;

/// <summary>The instance an agent request authenticated as.</summary>
public sealed record AgentPrincipal(string InstanceId)
{
    private const string ItemKey = nameof(AgentPrincipal);

    /// <summary>
    /// An endpoint filter that admits only a request bearing a live instance's credential
    /// (<c>Authorization: Bearer {instanceId}.{secret}</c>) and answers 401 with the reason otherwise.
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
        if (instance is null || !Secrets.Matches(credential, instance.CredentialHash))
        {
            return Refuse("The credential is not recognised.");
        }

        if (instance.DeregisteredAt is not null)
        {
            return Refuse("This instance was deregistered; register the agent again with a new activation code.");
        }

        http.Items[ItemKey] = new AgentPrincipal(instance.Id);
        return await next(context);
    }

    /// <summary>The principal the filter stored for this request.</summary>
    public static AgentPrincipal From(HttpContext http) =>
        http.Items[ItemKey] as AgentPrincipal ?? throw new InvalidOperationException("The agent filter did not run.");

    private static IResult Refuse(string detail) =>
        TypedResults.Problem(title: "Agent not authenticated", detail: detail, statusCode: StatusCodes.Status401Unauthorized);
}
