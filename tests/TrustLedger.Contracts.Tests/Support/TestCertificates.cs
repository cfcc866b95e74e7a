using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;

namespace TrustLedger.Contracts.Tests.Support;

/// <summary>Self-signed CA and leaf certificates for the TLS pin tests (the contracts only see their DER).</summary>
public static class TestCertificates
{
    private static readonly Dictionary<string, X509Certificate2> Cache = new(StringComparer.Ordinal);

    /// <summary>A self-signed ECDSA P-256 CA for <paramref name="name"/>, the same object within a test run.</summary>
    public static X509Certificate2 Ca(string name)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(name, out var cached)) return cached;
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest($"CN={name} CA", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            var now = DateTimeOffset.UtcNow;
            return Cache[name] = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        }
    }

    /// <summary>A leaf (not a CA) certificate issued by <paramref name="issuer"/>.</summary>
    public static X509Certificate2 Leaf(X509Certificate2 issuer, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        return request.Create(issuer, now.AddDays(-1), now.AddDays(30), RandomNumberGenerator.GetBytes(8));
    }

    public static ByteString Der(X509Certificate2 certificate) => ByteString.CopyFrom(certificate.RawData);

    public static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem();

    public static ByteString Fingerprint(X509Certificate2 certificate) => ByteString.CopyFrom(SHA256.HashData(certificate.RawData));
}
