namespace CloudAssist.Bench.Measurement;

/// <summary>Prints a benchmark's figures as aligned "name: value" lines.</summary>
public sealed class Figures(string title)
{
    private readonly List<(string Name, string Value)> _rows = [];

    public string Title { get; } = title;

    public IReadOnlyList<(string Name, string Value)> Rows => _rows;

    public Figures Add(string name, string value)
    {
        _rows.Add((name, value));
        return this;
    }

    public void Print(TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine($"== {Title}");
        var width = _rows.Count == 0 ? 0 : _rows.Max(r => r.Name.Length);
        foreach (var (name, value) in _rows)
        {
            writer.WriteLine($"{name.PadRight(width)} : {value}");
        }

        writer.WriteLine($"{"load average at end".PadRight(width)} : {LoadAverage()} (1, 5, 15 min; other work shares the machine)");
    }

    /// <summary>The kernel's run-queue averages: above the core count, everything measured waited for CPU.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static string MiB(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MiB";

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion.VersionString}, .NET {Environment.Version}";
}
