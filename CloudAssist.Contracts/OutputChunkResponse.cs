namespace CloudAssist.Contracts;

/// <summary>How much of the task's output the server holds.</summary>
/// <param name="NextOffset">The offset the next chunk must start at; everything before it is stored.</param>
public sealed record OutputChunkResponse(long NextOffset);
