namespace CloudAssist.Contracts;

/// <summary>From <paramref name="Offset"/> on, the task's output comes from <paramref name="Stream"/>.</summary>
/// <param name="Offset">A byte offset in the task's whole output.</param>
/// <param name="Stream"><c>stdout</c> or <c>stderr</c>.</param>
public sealed record StreamMark(long Offset, string Stream)
{
    /// <summary>The standard output stream's name.</summary>
    public const string Stdout = "stdout";

    /// <summary>The standard error stream's name.</summary>
    public const string Stderr = "stderr";
}
