using System.Globalization;

namespace CloudAssist.Bench.Measurement;

/// <summary>One reading of a process's CPU time and memory from /proc.</summary>
/// <param name="CpuTime">User plus system time the process has used since it started.</param>
/// <param name="ResidentBytes">VmRSS: memory resident now.</param>
/// <param name="PeakResidentBytes">VmHWM: the most that was ever resident.</param>
/// <param name="Threads">Threads in the process.</param>
/// <param name="AnonymousBytes">RssAnon: the resident part that is the process's own (heaps, stacks).</param>
/// <param name="FileBytes">RssFile: the resident part mapped from files (the runtime's and app's binaries), shared.</param>
public sealed record ProcessSample(
    TimeSpan CpuTime,
    long ResidentBytes,
    long PeakResidentBytes,
    int Threads,
    long AnonymousBytes,
    long FileBytes)
{
    // USER_HZ, the unit of /proc/<pid>/stat times, is 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static ProcessSample Read(int pid)
    {
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return new ProcessSample(
            TimeSpan.FromSeconds(ticks / TicksPerSecond),
            Kilobytes(status, "VmRSS:") * 1024,
            Kilobytes(status, "VmHWM:") * 1024,
            (int)Kilobytes(status, "Threads:"),
            Kilobytes(status, "RssAnon:") * 1024,
            Kilobytes(status, "RssFile:") * 1024);
    }

    private static long Kilobytes(string[] status, string key)
    {
        // A line can be missing, e.g. VmRSS of a process that is exiting; count it as zero.
        var line = status.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
