namespace CloudAssist.Bench.Measurement;

/// <summary>Checks that this process may open a socket per agent before it tries.</summary>
public static class FileLimits
{
    public static void EnsureRoomFor(int agents)
    {
        var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
        if (long.TryParse(soft, out var limit) && limit < agents + 512)
        {
            throw new InvalidOperationException(
                $"{agents} agents need about {agents + 512} open files and the limit is {limit}: run `ulimit -n {agents + 1024}` first.");
        }
    }
}
