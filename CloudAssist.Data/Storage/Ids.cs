using System.Security.Cryptography;

namespace CloudAssist.Data.Storage;

/// <summary>Makes the random, prefixed ids every record carries (<c>inv-...</c>, <c>i-...</c>).</summary>
public static class Ids
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>A new id: the prefix, a dash and 16 random base-36 characters (about 82 bits).</summary>
    public static string New(string prefix) =>
        prefix + "-" + RandomNumberGenerator.GetString(Alphabet, 16);
}
