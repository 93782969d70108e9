using System.Globalization;
using CloudAssist.Contracts;

namespace CloudAssist.Agent.Execution;

/// <summary>
/// Where both of a script's streams are written, in the order the agent reads them: the bytes go
/// to output.log, and every switch between stdout and stderr is noted in streams.log as
/// "offset stream". Each stream has its own secret masker.
/// </summary>
public sealed class OutputSink : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly FileStream _output;
    private readonly StreamWriter _marks;
    private readonly Dictionary<string, SecretMasker> _maskers;
    private long _length;
    private string? _current;

    public OutputSink(string outputPath, string marksPath, IReadOnlyList<string> secrets)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite,
            BufferSize = 0,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        _output = new FileStream(outputPath, options);
        _length = _output.Length;
        _marks = new StreamWriter(new FileStream(marksPath, options)) { AutoFlush = true };
        _maskers = new()
        {
            [StreamMark.Stdout] = new SecretMasker(secrets),
            [StreamMark.Stderr] = new SecretMasker(secrets),
        };
    }

    public void Write(string stream, ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            Append(stream, _maskers[stream].Process(bytes));
        }
    }

    /// <summary>Writes what the maskers held back; call once both streams have ended.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            foreach (var (stream, masker) in _maskers)
            {
                Append(stream, masker.Flush());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _output.DisposeAsync();
        await _marks.DisposeAsync();
    }

    private void Append(string stream, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return;
        }

        if (stream != _current)
        {
            _marks.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_length} {stream}"));
            _current = stream;
        }

        _output.Write(bytes);
        _length += bytes.Length;
    }
}
