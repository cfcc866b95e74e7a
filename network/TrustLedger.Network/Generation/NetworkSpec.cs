using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Network.Generation;

/// <summary>
/// The shape of a network to generate: N organisations with one validator each, of which the first
/// <see cref="Admins"/> hold the admin role, a suite, ports, a chain id, and mutual TLS (default) or plaintext.
/// </summary>
public sealed record NetworkSpec(
    int Nodes = NetworkSpec.DefaultNodes, string Suite = "eth", int BasePort = NetworkSpec.DefaultBasePort,
    string ChainId = NetworkSpec.DefaultChainId, int Admins = NetworkSpec.DefaultAdmins, bool Tls = true)
{
    public const int DefaultNodes = 4;
    public const int DefaultBasePort = 5100;
    public const string DefaultChainId = "trustledger-local";

    /// <summary>One admin organisation: its proposals execute at once, so one key can drive governance (and <c>tl demo</c>).</summary>
    public const int DefaultAdmins = 1;

    /// <exception cref="NetworkException">The spec cannot be generated.</exception>
    public void Validate()
    {
        if (PortPlan.Problem(BasePort, Nodes) is { } problem) throw new NetworkException(problem);
        if (Admins < 1 || Admins > Nodes) throw new NetworkException($"--admins must be 1–{Nodes} (at most the number of organisations, --nodes), got {Admins}");
        if (CryptoSuites.TryGet(Suite) is null) throw new NetworkException($"--suite must be eth or sm, got '{Suite}'");
        if (string.IsNullOrWhiteSpace(ChainId) || ChainId.Length > 64) throw new NetworkException("--chain-id must be 1–64 characters");
    }
}
