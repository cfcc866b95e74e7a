using TrustLedger.Protocol.Crypto;
using TrustLedger.Sdk.Tls;

namespace TrustLedger.Sdk;

public sealed partial class TrustLedgerClient
{
    private TlsClientOptions? _tls;

    /// <summary>The mutual TLS this client dials nodes with (its own node and record owners' nodes); null = plaintext.</summary>
    public TlsClientOptions? Tls => _tls;

    /// <summary>Connects to a node over mutual TLS (https://) and reads its chain id and crypto suite.</summary>
    /// <param name="endpoint">The node's gRPC address, e.g. <c>https://127.0.0.1:6101</c>.</param>
    /// <param name="signer">The key transactions are signed with; null for a read-only client.</param>
    /// <param name="tls">Client certificate, key and the CA to verify the node against; null = plaintext (dev nodes).</param>
    /// <param name="cancellation">Cancels the connection attempt.</param>
    public static async Task<TrustLedgerClient> ConnectAsync(string endpoint, KeyPair? signer, TlsClientOptions? tls, CancellationToken cancellation = default)
    {
        var client = await ConnectAsync(TlsClientOptions.Channel(endpoint, tls), signer, cancellation);
        client._tls = tls;
        return client;
    }

    /// <summary>A channel to another node (a record owner's) with this client's TLS.</summary>
    private Grpc.Net.Client.GrpcChannel OpenChannel(string endpoint) => TlsClientOptions.Channel(endpoint, _tls);
}
