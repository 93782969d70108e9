namespace CloudAssist.Data.Records;

/// <summary>From <paramref name="ByteOffset"/> on, a task's output came from <paramref name="Stream"/>.</summary>
/// <param name="ByteOffset">The offset in the task's whole output.</param>
/// <param name="Stream"><c>stdout</c> or <c>stderr</c>.</param>
public sealed record OutputMark(long ByteOffset, string Stream);
