namespace TrustLedger.Network.Layout;

/// <summary>
/// Where a local network keeps its files. <see cref="ManifestPath"/> marks a folder as a network; it is written last,
/// so a folder without it never holds a half-generated network that tlnet would mistake for a whole one.
/// <code>
/// DIR/network.json                 what tlnet generated: chain, suite, nodes and their ports
/// DIR/genesis.json                 one genesis naming every validator (and pinning every organisation's TLS CA)
/// DIR/ca-bundle.crt                every organisation's TLS CA (PEM): the --ca that verifies any node of the network
/// DIR/nodes/node{K}/validator.key.json, client.key.json, data/, node.log, node.pid
///                  ca.crt ca.key, node.crt node.key, client.crt client.key   (TLS, PEM; keys 0600; not with --plaintext)
/// </code>
/// </summary>
public sealed class NetworkLayout(string root)
{
    public const string ManifestFile = "network.json";

    public string Root { get; } = Path.GetFullPath(root);
    public string ManifestPath => Path.Combine(Root, ManifestFile);
    public string GenesisPath => Path.Combine(Root, "genesis.json");
    public string NodesDir => Path.Combine(Root, "nodes");

    /// <summary>Every organisation's TLS CA certificate, PEM: what a client verifies any node of the network against.</summary>
    public string CaBundlePath => Path.Combine(Root, "ca-bundle.crt");

    /// <summary>The files of node <paramref name="index"/> (1-based).</summary>
    public NodeLayout Node(int index) => new(Path.Combine(NodesDir, $"node{index}"));
}
