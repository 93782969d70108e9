using CloudAssist.Data.Records;
using Microsoft.AspNetCore.Authorization;

namespace CloudAssist.Web.Security;

/// <summary>
/// The three authorization policies, one per role. Every policy admits its role and the roles above
/// it, so an endpoint or page names the least role that may use it.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user or token: reading.</summary>
    public const string Viewer = nameof(UserRole.Viewer);

    /// <summary>Operators and administrators: commands, invocations, stops, schedules, files.</summary>
    public const string Operator = nameof(UserRole.Operator);

    /// <summary>Administrators only: users, activation codes, instances' enrollment, the audit log.</summary>
    public const string Administrator = nameof(UserRole.Administrator);

    /// <summary>The role names a policy admits.</summary>
    public static string[] RolesFor(UserRole least) =>
        Enum.GetValues<UserRole>().Where(r => r >= least).Select(r => r.ToString()).ToArray();

    /// <summary>
    /// Registers the policies, and a fallback that requires a signed-in user wherever nothing is said.
    /// </summary>
    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in Enum.GetValues<UserRole>())
        {
            options.AddPolicy(role.ToString(), p => p.RequireAuthenticatedUser().RequireRole(RolesFor(role)));
        }

        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
