using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Network.Generation;

/// <summary>The shape of a network to generate: N organisations with one validator each, a suite, ports and a chain id.</summary>
public sealed record NetworkSpec(int Nodes = NetworkSpec.DefaultNodes, string Suite = "eth", int BasePort = NetworkSpec.DefaultBasePort, string ChainId = NetworkSpec.DefaultChainId)
{
    public const int DefaultNodes = 4;
    public const int DefaultBasePort = 5100;
    public const string DefaultChainId = "trustledger-local";

    /// <exception cref="NetworkException">The spec cannot be generated.</exception>
    public void Validate()
    {
        if (PortPlan.Problem(BasePort, Nodes) is { } problem) throw new NetworkException(problem);
        if (CryptoSuites.TryGet(Suite) is null) throw new NetworkException($"--suite must be eth or sm, got '{Suite}'");
        if (string.IsNullOrWhiteSpace(ChainId) || ChainId.Length > 64) throw new NetworkException("--chain-id must be 1–64 characters");
    }
}
