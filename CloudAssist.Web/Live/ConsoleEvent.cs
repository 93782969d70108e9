using CloudAssist.Data.Records;

namespace CloudAssist.Web.Live;

/// <summary>Something the console shows changed. Carries ids and statuses, never output or secrets.</summary>
public abstract record ConsoleEvent;

/// <summary>An instance registered, polled after being offline, or changed.</summary>
public sealed record InstanceChanged(string InstanceId) : ConsoleEvent;

/// <summary>An invocation was created.</summary>
public sealed record InvocationCreated(string InvocationId) : ConsoleEvent;

/// <summary>A task changed status, and with it maybe its invocation.</summary>
public sealed record TaskStatusChanged(TaskChange Change) : ConsoleEvent;

/// <summary>A task's output grew to <paramref name="TotalBytes"/>.</summary>
public sealed record TaskOutputAppended(string InvocationId, string TaskId, long TotalBytes) : ConsoleEvent;

/// <summary>The command library changed.</summary>
public sealed record CommandsChanged : ConsoleEvent;

/// <summary>An activation code was created, revoked or used.</summary>
public sealed record ActivationCodesChanged : ConsoleEvent;
