using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk.Tls;

namespace TrustLedger.EndToEnd.Tests.Security;

/// <summary>
/// A one-validator network on disk for TLS tests: <c>dev</c> (every role, runs the node) and <c>water</c> (a department)
/// each pin their own CA in the genesis; the node holds a certificate of dev's CA. Certificates are PEM files, as
/// an operator has them.
/// </summary>
public sealed class TlsNetworkFiles : IDisposable
{
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");

    public TlsNetworkFiles()
    {
        Directory.CreateDirectory(Dir);
        var suite = CryptoSuites.Eth;
        var validator = suite.GenerateKey();
        ClientKey = suite.GenerateKey();
        KeyFile.Save(validator, ValidatorKeyPath, NodeProcess_Password, ScryptCost.Light);
        DevCa = Ca("dev");
        WaterCa = Ca("water");
        var genesis = DevGenesis.Create(suite, validator, [ClientKey], "tls-test");
        genesis = genesis with
        {
            Organisations =
            [
                .. genesis.Organisations.Select(o => o with { TlsCaCertificates = [DevCa.ExportCertificatePem()] }),
                new OrganisationEntry { Id = "water", Name = "Water bureau", Roles = ["department"], Keys = [Hex.Encode(suite.GenerateKey().PublicKey)], TlsCaCertificates = [WaterCa.ExportCertificatePem()] },
            ],
        };
        File.WriteAllText(GenesisPath, genesis.ToJson());
        File.WriteAllText(CaBundlePath, DevCa.ExportCertificatePem() + "\n" + WaterCa.ExportCertificatePem() + "\n");
        Write(Issue(DevCa, "node.dev", [ServerAuth, ClientAuth], server: true), "node");
    }

    private const string NodeProcess_Password = Support.NodeProcess.Password;

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "tl-tls-" + Guid.NewGuid().ToString("N")[..8]);
    public string GenesisPath => Path.Combine(Dir, "genesis.json");
    public string ValidatorKeyPath => Path.Combine(Dir, "validator.key.json");
    public string CaBundlePath => Path.Combine(Dir, "ca-bundle.crt");
    public KeyPair ClientKey { get; }
    public X509Certificate2 DevCa { get; }
    public X509Certificate2 WaterCa { get; }

    /// <summary>The node's switches, TLS included.</summary>
    public IReadOnlyList<string> NodeArguments => ["--genesis", GenesisPath, "--key", ValidatorKeyPath, "--tls-cert", CertPath("node"), "--tls-key", KeyPath("node")];

    /// <summary>A client certificate issued by <paramref name="ca"/>, valid from <paramref name="from"/> for <paramref name="lifetime"/>, as TLS options.</summary>
    public TlsClientOptions Client(X509Certificate2 ca, string name, DateTimeOffset? from = null, TimeSpan? lifetime = null)
    {
        var certificate = Issue(ca, $"client.{name}", [ClientAuth], server: false, from, lifetime);
        Write(certificate, name);
        return new TlsClientOptions(CertPath(name), KeyPath(name), CaBundlePath);
    }

    public static X509Certificate2 Ca(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name} TLS CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-30), now.AddYears(10));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, Oid[] purposes, bool server, DateTimeOffset? from = null, TimeSpan? lifetime = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([.. purposes], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }
        var notBefore = from ?? DateTimeOffset.UtcNow.AddMinutes(-5);
        using var issued = request.Create(ca, notBefore, notBefore + (lifetime ?? TimeSpan.FromDays(30)), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }

    private string CertPath(string name) => Path.Combine(Dir, name + ".crt");
    private string KeyPath(string name) => Path.Combine(Dir, name + ".key");

    private void Write(X509Certificate2 certificate, string name)
    {
        File.WriteAllText(CertPath(name), certificate.ExportCertificatePem());
        using var key = certificate.GetECDsaPrivateKey()!;
        File.WriteAllText(KeyPath(name), key.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
