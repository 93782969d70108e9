namespace CloudAssist.Data.Records;

/// <summary>A task's stored output: the head, and after a cut the tail.</summary>
/// <param name="Head">Every byte when none were dropped; otherwise the first half the cap.</param>
/// <param name="Tail">The last bytes when some were dropped; empty otherwise.</param>
/// <param name="TotalBytes">How many bytes the task produced.</param>
/// <param name="DroppedBytes">How many were dropped between head and tail.</param>
/// <param name="Marks">Where the output switches between stdout and stderr, by offset; empty means all stdout.</param>
public sealed record TaskOutput(byte[] Head, byte[] Tail, long TotalBytes, long DroppedBytes, IReadOnlyList<OutputMark> Marks)
{
    /// <summary>The offset in the whole output at which <see cref="Tail"/> starts.</summary>
    public long TailOffset => TotalBytes - Tail.Length;
}
