using System.Text;

namespace CloudAssist.Agent.Execution;

/// <summary>
/// Replaces every occurrence of the secret values in a byte stream with asterisks of the same
/// length (so offsets do not move). Only an ending that could be the start of a secret is held
/// back until the next read, so output keeps flowing and keeps its order with the other stream.
/// </summary>
public sealed class SecretMasker
{
    private readonly byte[][] _secrets;
    private readonly int _holdBack;
    private byte[] _carry = [];

    public SecretMasker(IEnumerable<string> secrets)
    {
        _secrets = secrets.Where(s => s.Length > 0).Select(Encoding.UTF8.GetBytes).ToArray();
        _holdBack = _secrets.Length == 0 ? 0 : _secrets.Max(s => s.Length) - 1;
    }

    /// <summary>The masked bytes that are safe to write now.</summary>
    public byte[] Process(ReadOnlySpan<byte> input)
    {
        if (_secrets.Length == 0)
        {
            return input.ToArray();
        }

        var buffer = new byte[_carry.Length + input.Length];
        _carry.CopyTo(buffer, 0);
        input.CopyTo(buffer.AsSpan(_carry.Length));
        MaskInPlace(buffer);
        var ready = buffer.Length - PossibleSecretStart(buffer);
        _carry = buffer[ready..];
        return buffer[..ready];
    }

    /// <summary>What is held back, at the end of the stream.</summary>
    public byte[] Flush()
    {
        var rest = _carry;
        _carry = [];
        return rest;
    }

    /// <summary>The length of the longest ending of <paramref name="buffer"/> that begins some secret.</summary>
    private int PossibleSecretStart(ReadOnlySpan<byte> buffer)
    {
        for (var length = Math.Min(_holdBack, buffer.Length); length > 0; length--)
        {
            var ending = buffer[^length..];
            foreach (var secret in _secrets)
            {
                if (secret.AsSpan().StartsWith(ending))
                {
                    return length;
                }
            }
        }

        return 0;
    }

    private void MaskInPlace(Span<byte> buffer)
    {
        foreach (var secret in _secrets)
        {
            var from = 0;
            int found;
            while ((found = buffer[from..].IndexOf(secret)) >= 0)
            {
                buffer.Slice(from + found, secret.Length).Fill((byte)'*');
                from += found + secret.Length;
            }
        }
    }
}
