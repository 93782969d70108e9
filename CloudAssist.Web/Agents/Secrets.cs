using System.Security.Cryptography;
using System.Text;

namespace CloudAssist.Web.Agents;

/// <summary>Random secrets for activation codes and agent credentials, and their stored hashes.</summary>
public static class Secrets
{
    /// <summary>A new secret: the prefix and 32 random bytes in base64url.</summary>
    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// SHA-256 of a secret. The secrets carry 256 random bits, so a fast hash is enough; there is
    /// no password to guess.
    /// </summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool Matches(string secret, byte[] storedHash) => HashesMatch(Hash(secret), storedHash);

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool HashesMatch(byte[] presentedHash, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(presentedHash, storedHash);
}
