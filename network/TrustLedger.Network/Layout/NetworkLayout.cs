namespace TrustLedger.Network.Layout;

/// <summary>
/// Where a local network keeps its files. <see cref="ManifestPath"/> marks a folder as a network; it is written last,
/// so a folder without it never holds a half-generated network that tlnet would mistake for a whole one.
/// <code>
/// DIR/network.json                 what tlnet generated: chain, suite, nodes and their ports
/// DIR/genesis.json                 one genesis naming every validator
/// DIR/nodes/node{K}/validator.key.json, client.key.json, data/, node.log, node.pid
/// </code>
/// </summary>
public sealed class NetworkLayout(string root)
{
    public const string ManifestFile = "network.json";

    public string Root { get; } = Path.GetFullPath(root);
    public string ManifestPath => Path.Combine(Root, ManifestFile);
    public string GenesisPath => Path.Combine(Root, "genesis.json");
    public string NodesDir => Path.Combine(Root, "nodes");

    /// <summary>The files of node <paramref name="index"/> (1-based).</summary>
    public NodeLayout Node(int index) => new(Path.Combine(NodesDir, $"node{index}"));
}
