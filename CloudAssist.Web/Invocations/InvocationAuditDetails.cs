using System.Security.Cryptography;
using System.Text;
using CloudAssist.Data.Records;
using CloudAssist.Web.Audit;

namespace CloudAssist.Web.Invocations;

/// <summary>
/// What the audit log keeps of a new invocation: enough to tell exactly what ran where, and as
/// whom (the script by its SHA-256), with every secret parameter value masked.
/// </summary>
public static class InvocationAuditDetails
{
    /// <summary>The details of <paramref name="invocation"/>, created on <paramref name="targets"/>.</summary>
    public static object Of(
        InvocationRecord invocation,
        IReadOnlyList<string> targets,
        ResolvedParameters parameters,
        IReadOnlyDictionary<string, string>? environment) => new
    {
        invocation.CommandId,
        invocation.CommandName,
        invocation.CommandType,
        ScriptSha256 = Sha256Hex(invocation.Content),
        Parameters = parameters.ForDisplay.ToDictionary(
            p => p.Key,
            p => parameters.Secret.ContainsKey(p.Key) ? AuditLog.Mask : p.Value),
        Targets = targets,
        invocation.TargetTags,
        invocation.RunAs,
        invocation.TimeoutSeconds,
        invocation.WorkingDirectory,
        invocation.MaxConcurrency,
        invocation.MaxErrors,
        Trigger = invocation.TriggerKind,
        invocation.ScheduleId,
        // Only the names: values of environment variables are often credentials.
        EnvironmentNames = environment?.Keys.Order(StringComparer.Ordinal).ToList() ?? [],
    };

    /// <summary>The lower-case hex SHA-256 of the script's UTF-8 bytes.</summary>
    public static string Sha256Hex(string script) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
}
