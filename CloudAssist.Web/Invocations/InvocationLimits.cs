namespace CloudAssist.Web.Invocations;

/// <summary>The bounds an invocation request must stay within.</summary>
public static class InvocationLimits
{
    public const int DefaultTimeoutSeconds = 60;
    public const int MaxTimeoutSeconds = 24 * 60 * 60;
    public const int MaxTargets = 1000;
    public const int MaxContentChars = 64 * 1024;
}
