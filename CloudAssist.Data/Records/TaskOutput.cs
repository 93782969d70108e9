namespace CloudAssist.Data.Records;

/// <summary>A task's stored output: the head, and after a cut the tail.</summary>
/// <param name="Head">Every byte when none were dropped; otherwise the first half the cap.</param>
/// <param name="Tail">The last bytes when some were dropped; empty otherwise.</param>
/// <param name="TotalBytes">How many bytes the task produced.</param>
/// <param name="DroppedBytes">How many were dropped between head and tail.</param>
public sealed record TaskOutput(byte[] Head, byte[] Tail, long TotalBytes, long DroppedBytes);
