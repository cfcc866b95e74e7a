using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace TrustLedger.Sdk.Tls;

/// <summary>
/// Mutual TLS towards TrustLedger nodes: the client certificate and key this caller presents (issued by its
/// organisation's CA, which the chain pins), and the CA that the node's server certificate must chain to. Only that
/// CA is trusted — never the operating system's store — and the node's certificate must name the host dialled.
/// <code>
/// var tls = new TlsClientOptions("org1/client.crt", "org1/client.key", "org1/ca.crt");
/// using var client = await TrustLedgerClient.ConnectAsync("https://127.0.0.1:6101", key, tls);
/// </code>
/// </summary>
/// <param name="CertificatePath">PEM client certificate.</param>
/// <param name="KeyPath">PEM private key of <paramref name="CertificatePath"/> (unencrypted; keep it 0600).</param>
/// <param name="CaPath">PEM CA certificate(s) a node's server certificate must chain to.</param>
public sealed record TlsClientOptions(string CertificatePath, string KeyPath, string CaPath)
{
    /// <summary>Largest gRPC message a client accepts (blocks with many transactions, record payloads).</summary>
    internal const int MaxReceiveMessageSize = 64 * 1024 * 1024;

    private readonly Lazy<(X509Certificate2 Client, X509Certificate2Collection Cas)> _loaded = new(() => Load(CertificatePath, KeyPath, CaPath));

    // A copy made with `with` names other files: it gets its own lazily loaded certificates, never the original's, so
    // another organisation's options never present this one's certificate. (Loaded on first use, after `with` set the paths.)
    private TlsClientOptions(TlsClientOptions original)
    {
        (CertificatePath, KeyPath, CaPath) = (original.CertificatePath, original.KeyPath, original.CaPath);
        _loaded = new(() => Load(CertificatePath, KeyPath, CaPath));
    }

    /// <summary>TLS options from <c>TL_TLS_CERT</c>, <c>TL_TLS_KEY</c> and <c>TL_CA</c>; null when none is set.</summary>
    /// <exception cref="ArgumentException">Some but not all of the three are set.</exception>
    public static TlsClientOptions? FromEnvironment() =>
        From(Environment.GetEnvironmentVariable("TL_TLS_CERT"), Environment.GetEnvironmentVariable("TL_TLS_KEY"), Environment.GetEnvironmentVariable("TL_CA"));

    /// <summary>TLS options when all three paths are given, null when none is.</summary>
    /// <exception cref="ArgumentException">Some but not all of the three are given.</exception>
    public static TlsClientOptions? From(string? certificate, string? key, string? ca)
    {
        var given = new[] { certificate, key, ca }.Count(p => !string.IsNullOrEmpty(p));
        if (given == 0) return null;
        if (given < 3)
            throw new ArgumentException("mutual TLS needs all of --tls-cert, --tls-key and --ca (or TL_TLS_CERT, TL_TLS_KEY and TL_CA)");
        return new TlsClientOptions(certificate!, key!, ca!);
    }

    /// <summary>A gRPC channel to <paramref name="endpoint"/>: mutual TLS with these options, or plaintext when <paramref name="tls"/> is null.</summary>
    public static GrpcChannel Channel(string endpoint, TlsClientOptions? tls)
    {
        if (tls is not null && endpoint.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"{endpoint} is plaintext but TLS options are given: use https://");
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (tls is not null) handler.SslOptions = tls.SslOptions();
        return GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions { MaxReceiveMessageSize = MaxReceiveMessageSize, HttpHandler = handler });
    }

    /// <summary>The client side of the handshake: TLS 1.3, this certificate, a server certificate chaining to the CA only.</summary>
    public SslClientAuthenticationOptions SslOptions()
    {
        var (client, cas) = _loaded.Value;
        return new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = SslProtocols.Tls13,
            ClientCertificates = [client],
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0
                && certificate is X509Certificate2 server && ChainsTo(server, cas),
        };
    }

    private static bool ChainsTo(X509Certificate2 server, X509Certificate2Collection cas)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(cas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.1")); // serverAuth
        return chain.Build(server);
    }

    private static (X509Certificate2, X509Certificate2Collection) Load(string certificatePath, string keyPath, string caPath)
    {
        foreach (var path in new[] { certificatePath, keyPath, caPath })
            if (!File.Exists(path)) throw new FileNotFoundException($"TLS file {Path.GetFullPath(path)} does not exist", path);
        try
        {
            var client = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            var cas = new X509Certificate2Collection();
            cas.ImportFromPemFile(caPath);
            if (cas.Count == 0) throw new ArgumentException($"{caPath} holds no PEM certificate");
            return (client, cas);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"cannot load TLS files {certificatePath}, {keyPath}, {caPath}: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }
}
