using System.Security.Cryptography;
using CloudAssist.Data.Records;
using CloudAssist.Data.Storage;

namespace CloudAssist.Data.Tests.Infrastructure;

/// <summary>Records with sensible defaults; tests override what they are about.</summary>
public static class TestData
{
    /// <summary>The moment every test pretends it is; whole milliseconds, as the store keeps them.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>An audit entry at <see cref="Now"/>, its target kind taken from the action's prefix.</summary>
    public static AuditEntry AuditEntry(string actor, string action, string targetId, string summary) => new()
    {
        At = Now,
        Actor = actor,
        Action = action,
        TargetKind = action[..action.IndexOf('.')],
        TargetId = targetId,
        Summary = summary,
    };

    public static CommandRecord Command(string name, string description = "") => new()
    {
        Id = Ids.New("cmd"),
        Name = name,
        Description = description,
        CommandType = CommandTypes.Bash,
        Content = "echo hello",
        WorkingDirectory = "/tmp",
        TimeoutSeconds = 30,
        ParametersJson = """[{"name":"target"}]""",
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static ActivationCodeRecord ActivationCode(
        int usageLimit = 10,
        int usageCount = 0,
        DateTimeOffset? expiresAt = null) => new()
    {
        Id = Ids.New("act"),
        CodeHash = RandomNumberGenerator.GetBytes(32),
        Description = "test agents",
        UsageLimit = usageLimit,
        UsageCount = usageCount,
        ExpiresAt = expiresAt ?? Now.AddDays(1),
        CreatedAt = Now.AddDays(-1),
    };

    public static InstanceRecord Instance(string activationCodeId, string name = "web-1") => new()
    {
        Id = Ids.New("i"),
        Name = name,
        Hostname = name + ".example.internal",
        OsDescription = "Debian GNU/Linux 12",
        Addresses = "10.0.0.5",
        AgentVersion = "1.0.0",
        TagsJson = """["web"]""",
        CredentialHash = RandomNumberGenerator.GetBytes(32),
        ActivationCodeId = activationCodeId,
        BootId = "boot-1",
        RegisteredAt = Now,
        LastSeenAt = Now,
    };

    public static InvocationRecord Invocation(int taskCount, DateTimeOffset createdAt) => new()
    {
        Id = Ids.New("inv"),
        CommandName = "uptime",
        CommandType = CommandTypes.Shell,
        Content = "uptime",
        TimeoutSeconds = 60,
        CreatedBy = "operator",
        CreatedAt = createdAt,
        Status = InvocationStatus.Pending,
        TaskCount = taskCount,
    };

    public static InvocationTaskRecord Task(InvocationRecord invocation, string instanceId) => new()
    {
        Id = Ids.New("task"),
        InvocationId = invocation.Id,
        InstanceId = instanceId,
        Status = InvocationTaskStatus.Pending,
        TimeoutSeconds = invocation.TimeoutSeconds,
        CreatedAt = invocation.CreatedAt,
    };

    public static TaskFinish Finish(InvocationTaskStatus status, DateTimeOffset finishedAt) => new(
        status,
        status switch
        {
            InvocationTaskStatus.Success => 0,
            InvocationTaskStatus.Failed => 1,
            _ => null,
        },
        null,
        null,
        finishedAt);
}
