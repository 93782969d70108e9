using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudAssist.Web.Hosting;

/// <summary>The limits every paged list of the operator API keeps to.</summary>
public static class Paging
{
    /// <summary>The largest page a list answers.</summary>
    public const int MaxLimit = 500;

    /// <summary>True when <paramref name="limit"/> and <paramref name="offset"/> ask for a servable page.</summary>
    public static bool IsValid(int limit, int offset, out ValidationProblem problem)
    {
        problem = TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["limit"] = [$"limit must be 1-{MaxLimit} and offset 0 or more."],
        });
        return limit is >= 1 and <= MaxLimit && offset >= 0;
    }
}
