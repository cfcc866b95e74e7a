using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Network.Generation;

/// <summary>
/// The shape of a network to generate: N organisations with one validator each, of which the first
/// <see cref="Admins"/> hold the admin role, a suite, ports, a chain id, and mutual TLS (default) or plaintext.
/// Node certificates name 127.0.0.1 and localhost, where tlnet runs the nodes, and <see cref="NodeHostNames"/>.
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

    /// <summary>
    /// More names for node K's certificate (key K, 1-based): the DNS names or IP addresses its peers and clients dial it
    /// by when it runs elsewhere than on loopback, e.g. <c>{ [1] = ["node1"] }</c> for a container with that network
    /// alias. Empty by default (tlnet's own nodes are dialled on loopback); needs TLS.
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> NodeHostNames { get; init; } = new Dictionary<int, IReadOnlyList<string>>();

    /// <summary>Node <paramref name="index"/>'s names from <see cref="NodeHostNames"/>; none when it has no entry.</summary>
    public IReadOnlyList<string> HostNamesOf(int index) => NodeHostNames.TryGetValue(index, out var names) ? names : [];

    /// <exception cref="NetworkException">The spec cannot be generated.</exception>
    public void Validate()
    {
        if (PortPlan.Problem(BasePort, Nodes) is { } problem) throw new NetworkException(problem);
        if (Admins < 1 || Admins > Nodes) throw new NetworkException($"--admins must be 1–{Nodes} (at most the number of organisations, --nodes), got {Admins}");
        if (CryptoSuites.TryGet(Suite) is null) throw new NetworkException($"--suite must be eth or sm, got '{Suite}'");
        if (string.IsNullOrWhiteSpace(ChainId) || ChainId.Length > 64) throw new NetworkException("--chain-id must be 1–64 characters");
        if (NodeHostNames.Count > 0 && !Tls) throw new NetworkException("node host names go into TLS certificates; a plaintext network has none");
        foreach (var (index, names) in NodeHostNames)
        {
            if (index < 1 || index > Nodes) throw new NetworkException($"host names given for node {index}, but nodes are numbered 1–{Nodes}");
            if (names.FirstOrDefault(name => string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace)) is { } bad)
                throw new NetworkException($"node {index}'s host name '{bad}' is empty or has white space");
        }
    }
}
