using System.Net;

namespace CloudAssist.Web.Instances;

/// <summary>
/// The address ranges an activation code may be used from: comma-separated CIDR blocks, IPv4 or
/// IPv6 (<c>10.0.0.0/8, 192.168.1.0/24, ::1/128</c>).
/// </summary>
public static class AllowedRanges
{
    public const int MaxBlocks = 32;

    /// <summary>
    /// The blocks in canonical form, comma separated; null for blank text (any address), or an
    /// error naming the first block that is not a CIDR block.
    /// </summary>
    public static (string? Normalized, string? Error) Normalize(string? text)
    {
        var blocks = Split(text);
        if (blocks.Length == 0)
        {
            return (null, null);
        }

        if (blocks.Length > MaxBlocks)
        {
            return (null, $"At most {MaxBlocks} address ranges.");
        }

        var parsed = new List<IPNetwork>();
        foreach (var block in blocks)
        {
            if (!TryParseStrict(block, out var network))
            {
                return (null, $"'{block}' is not a CIDR block: write an address, a slash and a prefix length "
                    + "with the host bits zero, such as 10.0.0.0/8 or fd00::/8.");
            }

            parsed.Add(network);
        }

        return (string.Join(", ", parsed.Distinct()), null);
    }

    /// <summary>
    /// True when <paramref name="ranges"/> (as stored by <see cref="Normalize"/>) is null or one of
    /// its blocks holds <paramref name="address"/>; an IPv4 address mapped into IPv6 counts as IPv4.
    /// </summary>
    public static bool Allows(string? ranges, IPAddress? address)
    {
        var blocks = Split(ranges);
        if (blocks.Length == 0)
        {
            return true;
        }

        if (address is null)
        {
            return false;
        }

        var peer = Canonical(address);
        return blocks.Any(b => IPNetwork.TryParse(b, out var network) && network.Contains(peer));
    }

    /// <summary>A block with a prefix length whose address has no bits set past the prefix.</summary>
    private static bool TryParseStrict(string block, out IPNetwork network)
    {
        var slash = block.IndexOf('/', StringComparison.Ordinal);
        network = default;
        return slash > 0
            && IPAddress.TryParse(block.AsSpan(0, slash), out var address)
            && IPNetwork.TryParse(block, out network)
            && network.BaseAddress.Equals(address);
    }

    /// <summary>The address as IPv4 when it is an IPv4 address mapped into IPv6.</summary>
    public static IPAddress Canonical(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static string[] Split(string? text) => (text ?? "").Split(
        [',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
