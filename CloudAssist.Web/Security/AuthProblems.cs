using System.Security.Claims;

namespace CloudAssist.Web.Security;

/// <summary>The ProblemDetails answers for refused API requests.</summary>
internal static class AuthProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    public static string ForbiddenDetail(HttpContext context)
    {
        var role = context.User.FindFirstValue(ClaimTypes.Role) ?? "none";
        return $"Your role ({role}) may not do this; ask an administrator for a role that may.";
    }
}
