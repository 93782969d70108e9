using System.Security.Claims;
using CloudAssist.Web.Security;

namespace CloudAssist.Web.Audit;

/// <summary>Who did an audited action, and from where.</summary>
/// <param name="Name">The user's name, or <c>scheduler</c> for runs the scheduler makes.</param>
/// <param name="Address">
/// The client's network address: the request's for the API, and for console actions the address of
/// the page request that opened the console.
/// </param>
public sealed record AuditActor(string Name, string? Address)
{
    /// <summary>The scheduler, for the invocations schedules make on their own.</summary>
    public static AuditActor Scheduler { get; } = new("scheduler", null);

    /// <summary>The server itself, enrolling its own local agent.</summary>
    public static AuditActor Server { get; } = new("server", null);

    /// <summary>The signed-in caller of an HTTP request ("anonymous" before sign-in), with its address.</summary>
    public static AuditActor From(HttpContext context) =>
        new(context.User.ActorName(), context.Connection.RemoteIpAddress?.ToString());

    /// <summary>The signed-in user of a console circuit, with the address the console was opened from.</summary>
    public static AuditActor Console(ClaimsPrincipal user, string? address) => new(user.ActorName(), address);
}
