using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using TrustLedger.Node.Configuration;
using TrustLedger.Node.Core.Chain;

namespace TrustLedger.Node.Security;

/// <summary>
/// The node's mutual TLS: its certificate (server certificate of every listener, client certificate of every
/// outgoing connection to a peer) and the on-chain pins both sides are checked against. TLS 1.3 only; the listener
/// requires a client certificate that maps to an organisation, and an outgoing connection requires a server
/// certificate that does, with the host name it was dialled by.
/// </summary>
public sealed class NodeTls
{
    /// <summary>The only protocol offered: TLS 1.3 (OpenSSL 1.1.1+ has it; a handshake below it is refused).</summary>
    public const SslProtocols Protocols = SslProtocols.Tls13;

    private PinnedCertificateOrganisations? _pins;

    private NodeTls(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    /// <summary>The pins, once the ledger is open (<see cref="Pin"/>).</summary>
    public PinnedCertificateOrganisations Pins => _pins ?? throw new InvalidOperationException("TLS pins are read from the ledger, which is not open yet");

    /// <summary>
    /// TLS for a node started with <paramref name="options"/>: null for a dev node (plaintext on loopback) or an
    /// explicit <c>--insecure-plaintext</c> (logged as a warning); otherwise its certificate and key.
    /// </summary>
    /// <exception cref="StartupRefusal">Neither TLS options nor the insecure switch, or a certificate that does not load.</exception>
    public static NodeTls? Decide(NodeOptions options, ILogger log)
    {
        if (options.Dev)
        {
            // The container image runs --dev on 0.0.0.0 inside its own network namespace; elsewhere this is a mistake.
            if (!options.IsLoopbackListen)
                log.LogWarning("INSECURE: --dev serves plaintext HTTP/2 on {Listen}, beyond loopback; dev networks are not for real data", options.Listen);
            return null;
        }
        var hasCert = !string.IsNullOrEmpty(options.TlsCert);
        var hasKey = !string.IsNullOrEmpty(options.TlsKey);
        if (hasCert != hasKey)
            throw new StartupRefusal($"give both --tls-cert and --tls-key (PEM), not only {(hasCert ? "--tls-cert" : "--tls-key")}");
        if (!hasCert)
        {
            if (!options.InsecurePlaintext)
                throw new StartupRefusal("a non-dev node serves only TLS: start it with --tls-cert NODE.crt --tls-key NODE.key (PEM, e.g. made by `tlnet up`), or pass --insecure-plaintext to serve plaintext HTTP/2 (never for real data)");
            log.LogWarning("INSECURE: --insecure-plaintext: this node serves and dials plaintext HTTP/2 with no certificates; anyone on the network can read and forge its traffic. Never use it for real data.");
            return null;
        }
        if (options.InsecurePlaintext)
            throw new StartupRefusal("--insecure-plaintext contradicts --tls-cert/--tls-key: drop one of them");
        return new NodeTls(Load(options.TlsCert!, options.TlsKey!));
    }

    private static X509Certificate2 Load(string certPath, string keyPath)
    {
        foreach (var path in new[] { certPath, keyPath })
            if (!File.Exists(path)) throw new StartupRefusal($"TLS file {Path.GetFullPath(path)} does not exist; check --tls-cert/--tls-key");
        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(certPath, keyPath);
            if (!certificate.HasPrivateKey) throw new StartupRefusal($"{keyPath} holds no private key for {certPath}");
            return certificate;
        }
        catch (CryptographicException e)
        {
            throw new StartupRefusal($"cannot load the TLS certificate {certPath} with key {keyPath}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>Reads the pins from <paramref name="ledger"/>'s committed state from now on.</summary>
    public PinnedCertificateOrganisations Pin(LedgerState ledger, TimeProvider time) => _pins = new PinnedCertificateOrganisations(ledger, time);

    /// <summary>The node's own certificate must speak for the node's organisation, or no peer would accept it.</summary>
    /// <exception cref="StartupRefusal">It does not.</exception>
    public void CheckOwnCertificate(string organisation)
    {
        var asClient = Pins.OrganisationOf(Certificate);
        var asServer = Pins.ServerOrganisationOf(Certificate);
        if (asClient == organisation && asServer == organisation) return;
        var pinning = Pins.PinningOrganisations;
        throw new StartupRefusal(asClient is null && asServer is null
            ? $"the TLS certificate {Certificate.Subject} does not chain to a CA pinned on-chain for '{organisation}' (or it is expired, revoked, or lacks serverAuth/clientAuth usage); pinning organisations: {(pinning.Count == 0 ? "none — pin CAs in the genesis (tlsCaCertificates) or by governance" : string.Join(", ", pinning))}"
            : $"the TLS certificate {Certificate.Subject} speaks for '{asClient ?? asServer}', not for this node's organisation '{organisation}' (and needs both serverAuth and clientAuth usage); use a certificate issued by {organisation}'s CA");
    }

    /// <summary>TLS 1.3 on <paramref name="listen"/>, requiring a client certificate that maps to an organisation.</summary>
    public void Secure(ListenOptions listen) => listen.UseHttps(new HttpsConnectionAdapterOptions
    {
        ServerCertificate = Certificate,
        SslProtocols = Protocols,
        ClientCertificateMode = ClientCertificateMode.RequireCertificate,
        CheckCertificateRevocation = false, // revocation is on-chain; no CRL or OCSP lookups
        ClientCertificateValidation = (certificate, _, _) => Pins.OrganisationOf(certificate) is not null,
    });

    /// <summary>Outgoing connections present this node's certificate and accept only a pinned server with the dialled name.</summary>
    public void Secure(SocketsHttpHandler handler) => handler.SslOptions = new SslClientAuthenticationOptions
    {
        EnabledSslProtocols = Protocols,
        ClientCertificates = [Certificate],
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
            && (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0
            && certificate is X509Certificate2 server && Pins.ServerOrganisationOf(server) is not null,
    };
}
