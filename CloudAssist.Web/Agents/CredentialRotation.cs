using CloudAssist.Contracts;
using CloudAssist.Data.Repositories;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudAssist.Web.Agents;

/// <summary>
/// Gives an agent a new credential when it asks after an administrator requested a rotation (409
/// otherwise). The credential it asked with stays valid until the
/// new one is first used (see <see cref="AgentPrincipal"/>), so an answer lost on the way, or an
/// agent that dies before storing it, leaves the agent able to call again and get another.
/// </summary>
public static partial class CredentialRotation
{
    public static async Task<Results<Ok<RegisterResponse>, ProblemHttpResult>> RotateAsync(
        HttpContext http,
        InstanceRepository instances,
        ILoggerFactory loggers)
    {
        var principal = AgentPrincipal.From(http);
        var credential = principal.InstanceId + "." + Secrets.New("");

        // Not tied to the request: once the new hash is stored, the agent must be able to learn it.
        var replaced = await instances.ReplaceCredentialAsync(
            principal.InstanceId, principal.PresentedHash, Secrets.Hash(credential), CancellationToken.None);
        if (!replaced)
        {
            // No rotation was asked for, the instance was deregistered, or another rotation overtook this one.
            var instance = await instances.GetAsync(principal.InstanceId, CancellationToken.None);
            if (instance is { DeregisteredAt: null, CredentialRotationRequestedAt: null })
            {
                return TypedResults.Problem(
                    title: "No rotation requested",
                    detail: "No credential rotation was requested for this instance; an administrator asks for one.",
                    statusCode: StatusCodes.Status409Conflict);
            }

            return instance?.DeregisteredAt is not null
                ? AgentPrincipal.Deregistered()
                : AgentPrincipal.Refuse("The credential this call was made with was replaced meanwhile.");
        }

        LogIssued(loggers.CreateLogger(typeof(CredentialRotation)), principal.InstanceId);
        return TypedResults.Ok(new RegisterResponse(principal.InstanceId, credential));
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Issued a new credential to instance {InstanceId}; the previous one works until it is used")]
    private static partial void LogIssued(ILogger logger, string instanceId);
}
