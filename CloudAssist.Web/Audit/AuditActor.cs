namespace CloudAssist.Web.Audit;

/// <summary>Who did an audited action, and from where.</summary>
/// <param name="Name">The user's name, or <c>scheduler</c> for runs the scheduler makes.</param>
/// <param name="Address">The client's network address, when the action came over HTTP.</param>
public sealed record AuditActor(string Name, string? Address)
{
    // TODO(#6): there is no sign-in yet, so callers without an identity get these names; once
    // sign-in exists both factories take the signed-in user and these fallbacks go.
    private const string ApiFallbackName = "operator";
    private const string ConsoleFallbackName = "console";

    /// <summary>The scheduler, for the invocations schedules make on their own.</summary>
    public static AuditActor Scheduler { get; } = new("scheduler", null);

    /// <summary>The server itself, enrolling its own local agent.</summary>
    public static AuditActor Server { get; } = new("server", null);

    /// <summary>The caller of an operator API request.</summary>
    public static AuditActor From(HttpContext context) => new(
        context.User.Identity?.Name is { Length: > 0 } name ? name : ApiFallbackName,
        context.Connection.RemoteIpAddress?.ToString());

    /// <summary>The user of a console circuit; <paramref name="name"/> when known.</summary>
    public static AuditActor Console(string? name = null) =>
        new(string.IsNullOrWhiteSpace(name) ? ConsoleFallbackName : name, null);
}
