using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Net;

namespace TrustLedger.Sdk.Tls;

/// <summary>
/// One organisation's small TLS CA, as Fabric's cryptogen makes them (tlnet's, and tl demo's for
/// the organisations it adds): a self-signed ECDSA P-256 CA (10 years) that
/// issues the organisation's node certificate (server and client authentication, SAN 127.0.0.1 and localhost, plus any
/// host names the node is dialled by elsewhere, e.g. a container's network alias) and its client certificate (client
/// authentication). The genesis pins the CA; nodes and clients present what it issued.
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    public static readonly TimeSpan CaLifetime = TimeSpan.FromDays(3653);
    public static readonly TimeSpan LeafLifetime = TimeSpan.FromDays(825);
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly TimeProvider _time;

    private CertificateAuthority(X509Certificate2 certificate, TimeProvider time) => (Certificate, _time) = (certificate, time);

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    public static CertificateAuthority Create(string organisation, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={organisation} TLS CA, O={organisation}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        return new CertificateAuthority(request.CreateSelfSigned(now.AddMinutes(-5), now + CaLifetime), time);
    }

    /// <summary>The host names every node certificate carries: tlnet's nodes are dialled on loopback.</summary>
    public static readonly IReadOnlyList<string> LoopbackNames = ["127.0.0.1", "localhost"];

    /// <summary>
    /// Loads a CA written by <see cref="Save"/> (certificate and key), to issue more certificates from it, e.g. for a
    /// follower node of the organisation.
    /// </summary>
    public static CertificateAuthority Load(string certificatePath, string keyPath, TimeProvider time) =>
        new(X509Certificate2.CreateFromPemFile(certificatePath, keyPath), time);

    /// <summary>
    /// Node <paramref name="node"/>'s certificate: serves its listener and identifies it to its peers. It names
    /// <see cref="LoopbackNames"/> and <paramref name="hostNames"/> (DNS names or IP addresses peers dial it by).
    /// </summary>
    public X509Certificate2 IssueNode(string organisation, int node, IReadOnlyList<string>? hostNames = null) =>
        IssueNode(organisation, $"node{node}", hostNames);

    /// <summary>A node certificate with subject <c>CN={name}.{organisation}</c> (a follower's, say); names as above.</summary>
    public X509Certificate2 IssueNode(string organisation, string name, IReadOnlyList<string>? hostNames = null) =>
        Issue($"CN={name}.{organisation}, O={organisation}", [ServerAuthentication, ClientAuthentication], [.. LoopbackNames, .. hostNames ?? []]);

    /// <summary>The certificate the organisation's clients (tl, the SDK) present.</summary>
    public X509Certificate2 IssueClient(string organisation) =>
        Issue($"CN=client.{organisation}, O={organisation}", [ClientAuthentication], hostNames: []);

    /// <summary>
    /// A certificate valid from <paramref name="notBefore"/> to <paramref name="notAfter"/> (tests issue expired ones),
    /// naming <paramref name="hostNames"/> in its subject alternative names (IP addresses as such, the rest as DNS names).
    /// </summary>
    public X509Certificate2 Issue(string subject, IReadOnlyList<Oid> purposes, IReadOnlyList<string> hostNames, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(subject), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var usages = new OidCollection();
        foreach (var purpose in purposes) usages.Add(purpose);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        if (hostNames.Count > 0)
        {
            var names = new SubjectAlternativeNameBuilder();
            foreach (var name in hostNames.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (IPAddress.TryParse(name, out var address)) names.AddIpAddress(address);
                else names.AddDnsName(name);
            }
            request.CertificateExtensions.Add(names.Build());
        }
        var now = _time.GetUtcNow();
        var from = notBefore ?? now.AddMinutes(-5);
        var until = notAfter ?? now + LeafLifetime;
        if (until > Certificate.NotAfter) until = Certificate.NotAfter;
        using var issued = request.Create(Certificate, from, until, RandomNumberGenerator.GetBytes(16));
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Writes <paramref name="certificate"/> (PEM, readable) and its private key (PEM PKCS#8, owner-only 0600).</summary>
    public static void Save(X509Certificate2 certificate, string certificatePath, string keyPath)
    {
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem() + "\n");
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException($"{certificate.Subject} has no ECDSA private key");
        WriteSecret(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    private static void WriteSecret(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(text);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public void Dispose() => Certificate.Dispose();
}
