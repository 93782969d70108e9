using System.Net;
using CloudAssist.Contracts;
using CloudAssist.Data.Records;
using CloudAssist.Data.Repositories;
using CloudAssist.Data.Storage;
using CloudAssist.Web.Instances;
using CloudAssist.Web.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudAssist.Web.Agents;

/// <summary>Turns an activation code into an instance with a credential of its own.</summary>
public static partial class AgentRegistration
{
    public static async Task<Results<Ok<RegisterResponse>, ProblemHttpResult, ValidationProblem>> RegisterAsync(
        RegisterRequest request,
        HttpContext http,
        ActivationCodeRepository codes,
        InstanceRepository instances,
        ConsoleNotifier notifier,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        if (Validate(request) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = time.GetUtcNow();
        var code = await codes.FindByHashAsync(Secrets.Hash(request.ActivationCode), http.RequestAborted);
        if (Refusal(code, now, http.Connection.RemoteIpAddress) is { } refusal)
        {
            LogRefused(loggers.CreateLogger(typeof(AgentRegistration)), refusal.ProblemDetails.Detail ?? "");
            return refusal;
        }

        var instanceId = Ids.New("i");
        var credential = instanceId + "." + Secrets.New("");
        var instance = new InstanceRecord
        {
            Id = instanceId,
            Name = string.IsNullOrWhiteSpace(request.Name) ? request.Hostname : request.Name.Trim(),
            Hostname = request.Hostname,
            OsDescription = request.OsDescription,
            Addresses = string.Join(",", request.Addresses),
            AgentVersion = request.AgentVersion,
            CredentialHash = Secrets.Hash(credential),
            ActivationCodeId = code!.Id,
            RegisteredAt = now,
            LastSeenAt = now,
        };
        if (!await instances.RegisterAsync(instance, now, http.RequestAborted))
        {
            return Refuse("The activation code was used up or expired a moment ago.");
        }

        LogRegistered(loggers.CreateLogger(typeof(AgentRegistration)), instanceId, instance.Hostname);
        notifier.Publish(new InstanceChanged(instanceId));
        notifier.Publish(new ActivationCodesChanged());
        return TypedResults.Ok(new RegisterResponse(instanceId, credential));
    }

    private static ProblemHttpResult? Refusal(ActivationCodeRecord? code, DateTimeOffset now, IPAddress? peer)
    {
        if (code is null)
        {
            return TypedResults.Problem(
                title: "Registration refused",
                detail: "The activation code is not recognised.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        if (code.RevokedAt is not null)
        {
            return Refuse("The activation code was revoked.");
        }

        if (code.ExpiresAt <= now)
        {
            return Refuse($"The activation code expired at {code.ExpiresAt:u}; ask for a new one.");
        }

        if (code.UsageCount >= code.UsageLimit)
        {
            return Refuse($"The activation code is used up: its limit of {code.UsageLimit} instances is reached.");
        }

        // The TCP peer, never X-Forwarded-For: a header is the caller's word (see docs/decisions.md).
        return AllowedRanges.Allows(code.AllowedRanges, peer)
            ? null
            : Refuse($"The address {Describe(peer)} is outside the activation code's allowed address range.");
    }

    private static string Describe(IPAddress? peer) =>
        peer is null ? "(unknown)" : AllowedRanges.Canonical(peer).ToString();

    private static ProblemHttpResult Refuse(string detail) =>
        TypedResults.Problem(title: "Registration refused", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    private static Dictionary<string, string[]> Validate(RegisterRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        Check(errors, "activationCode", request.ActivationCode, 200);
        Check(errors, "hostname", request.Hostname, 253);
        Check(errors, "osDescription", request.OsDescription, 200);
        Check(errors, "agentVersion", request.AgentVersion, 50);
        if (request.Name is { Length: > 100 })
        {
            errors["name"] = ["At most 100 characters."];
        }

        if (request.Addresses.Count > 32 || request.Addresses.Any(a => a.Length > 64))
        {
            errors["addresses"] = ["At most 32 addresses of at most 64 characters each."];
        }

        return errors;
    }

    private static void Check(Dictionary<string, string[]> errors, string field, string value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["Required."];
        }
        else if (value.Length > max)
        {
            errors[field] = [$"At most {max} characters."];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent registered as instance {InstanceId} ({Hostname})")]
    private static partial void LogRegistered(ILogger logger, string instanceId, string hostname);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent registration refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
