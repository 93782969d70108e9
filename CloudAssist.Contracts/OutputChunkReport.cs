namespace CloudAssist.Contracts;

/// <summary>A piece of the task's combined stdout and stderr.</summary>
/// <param name="Offset">The byte offset of <paramref name="Data"/> in the task's whole output.</param>
/// <param name="Data">The bytes, base64 in JSON; at most <see cref="ProtocolLimits.MaxChunkBytes"/>.</param>
/// <param name="Streams">
/// Which stream each part of <paramref name="Data"/> came from: a mark at <paramref name="Offset"/>
/// and one at every switch inside the chunk. Null or empty means all stdout.
/// </param>
public sealed record OutputChunkReport(long Offset, byte[] Data, IReadOnlyList<StreamMark>? Streams = null);
