using System.Globalization;

namespace CloudAssist.Bench;

/// <summary>The command line: a benchmark name, then <c>--name value</c> pairs.</summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _read = [];

    private BenchArguments(string command, Dictionary<string, string> values)
    {
        Command = command;
        _values = values;
    }

    /// <summary>The benchmark to run, lower case.</summary>
    public string Command { get; }

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("Name a benchmark first.");
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value' pairs, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new BenchArguments(args[0].ToLowerInvariant(), values);
    }

    public static BenchArguments Of(string command, params (string Name, object Value)[] values) =>
        new(command, values.ToDictionary(
            v => v.Name,
            v => Convert.ToString(v.Value, CultureInfo.InvariantCulture)!,
            StringComparer.OrdinalIgnoreCase));

    public int Int(string name, int fallback, int min, int max)
    {
        var value = (int)Number(name, fallback);
        return value >= min && value <= max
            ? value
            : throw new ArgumentException($"--{name} must be from {min} to {max}.");
    }

    /// <summary>A text option, or null when it was not given.</summary>
    public string? Text(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var text) ? text : null;
    }

    public TimeSpan Seconds(string name, double fallback) => TimeSpan.FromSeconds(Number(name, fallback));

    public TimeSpan Minutes(string name, double fallback) => TimeSpan.FromMinutes(Number(name, fallback));

    /// <summary>Fails on a flag no benchmark read, so a typo never runs the wrong experiment.</summary>
    public void EnsureAllRead()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s) for {Command}: --{string.Join(", --", unknown)}.");
        }
    }

    private double Number(string name, double fallback)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new ArgumentException($"--{name} takes a number of 0 or more, not '{text}'.");
    }
}
