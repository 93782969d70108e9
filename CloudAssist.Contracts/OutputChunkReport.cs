namespace CloudAssist.Contracts;

/// <summary>A piece of the task's combined stdout and stderr.</summary>
/// <param name="Offset">The byte offset of <paramref name="Data"/> in the task's whole output.</param>
/// <param name="Data">The bytes, base64 in JSON; at most <see cref="ProtocolLimits.MaxChunkBytes"/>.</param>
public sealed record OutputChunkReport(long Offset, byte[] Data);
