using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CloudAssist.Agent.Transport;

/// <summary>
/// Trust for a server whose certificate the machine's trust store does not know: a private CA's
/// certificate, or the server's own self-signed one, read from <see cref="AgentOptions.TrustedCertificatePath"/>.
/// A certificate the system already trusts is accepted as before. Otherwise the server's chain must
/// end at one of the given certificates, and the host name must match in both cases.
/// </summary>
public sealed class ServerCertificateTrust
{
    private readonly X509Certificate2Collection _anchors;

    private ServerCertificateTrust(X509Certificate2Collection anchors) => _anchors = anchors;

    /// <summary>
    /// Reads the PEM certificates in <paramref name="path"/>. Returns null and says why in
    /// <paramref name="error"/> when the file is missing, unreadable or holds no certificate.
    /// </summary>
    public static ServerCertificateTrust? Load(string path, out string? error)
    {
        var anchors = new X509Certificate2Collection();
        try
        {
            anchors.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            error = $"Agent:TrustedCertificatePath {path} cannot be read as PEM certificates: {ex.Message}";
            return null;
        }

        if (anchors.Count == 0)
        {
            error = $"Agent:TrustedCertificatePath {path} holds no PEM certificate (-----BEGIN CERTIFICATE-----).";
            return null;
        }

        error = null;
        return new ServerCertificateTrust(anchors);
    }

    /// <summary>The TLS handshake's check of the server's certificate.</summary>
    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is not X509Certificate2 leaf || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_anchors);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreach (var element in chain?.ChainElements ?? Enumerable.Empty<X509ChainElement>())
        {
            custom.ChainPolicy.ExtraStore.Add(element.Certificate);
        }

        return custom.Build(leaf);
    }

    /// <summary>
    /// Why a request failed, with the inner reasons that <see cref="HttpRequestException"/> hides
    /// ("The SSL connection could not be established, see inner exception") and, for an untrusted
    /// certificate, what to do about it.
    /// </summary>
    public static string Describe(Exception exception)
    {
        var reasons = new List<string>();
        var tls = false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            reasons.Add(e.Message);
            tls |= e is AuthenticationException;
        }

        var text = string.Join(" ", reasons.Distinct());
        return tls
            ? text + " If the server's certificate comes from a private CA or is self-signed, install that CA in "
                + "the machine's trust store or point Agent:TrustedCertificatePath at its PEM file."
            : text;
    }
}
