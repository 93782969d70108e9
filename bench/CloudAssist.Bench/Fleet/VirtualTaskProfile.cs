using System.Text;

namespace CloudAssist.Bench.Fleet;

/// <summary>How a virtual agent answers every task it gets: how long it "runs" and what it prints.</summary>
public sealed class VirtualTaskProfile
{
    /// <summary>Creates a profile; output is lines of 'x', sent in chunks of at most <paramref name="chunkBytes"/>.</summary>
    public VirtualTaskProfile(int outputBytes, int chunkBytes, TimeSpan runTime, int slots = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkBytes, CloudAssist.Contracts.ProtocolLimits.MaxChunkBytes);
        OutputBytes = outputBytes;
        ChunkBytes = chunkBytes;
        RunTime = runTime;
        Slots = slots;
        Output = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, outputBytes).Select(i => i % 64 == 63 ? '\n' : 'x')));
    }

    /// <summary>Bytes of output each task produces in all.</summary>
    public int OutputBytes { get; }

    /// <summary>The largest output report the agent sends.</summary>
    public int ChunkBytes { get; }

    /// <summary>How long each task "runs" between its started and its first output report.</summary>
    public TimeSpan RunTime { get; }

    /// <summary>How many tasks the agent runs at once; it offers the free ones in its poll.</summary>
    public int Slots { get; }

    /// <summary>The whole output of one task.</summary>
    public byte[] Output { get; }
}
