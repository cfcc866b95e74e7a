using TrustLedger.Network.Layout;
using TrustLedger.Network.Processes;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Network.Lifecycle;

/// <summary>
/// A generated network in a folder and its node processes. Every operation reads the state from the folder (manifest,
/// pid files, /proc), so separate tlnet invocations see the same network. Lifecycle operations are in
/// <c>LocalNetwork.Processes.cs</c>, readiness in <c>LocalNetwork.Readiness.cs</c>, status in <c>LocalNetwork.Status.cs</c>.
/// </summary>
public sealed partial class LocalNetwork
{
    private LocalNetwork(NetworkLayout layout, NetworkManifest manifest, GenesisDocument genesis, TimeProvider time)
    {
        (Layout, Manifest, Genesis, _time) = (layout, manifest, genesis, time);
        Suite = CryptoSuites.Get(genesis.CryptoSuite);
    }

    private readonly TimeProvider _time;

    public NetworkLayout Layout { get; }
    public NetworkManifest Manifest { get; }
    public GenesisDocument Genesis { get; }
    public ICryptoSuite Suite { get; }
    public IReadOnlyList<NodeEntry> Nodes => Manifest.Nodes;

    public static bool Exists(string dir) => File.Exists(new NetworkLayout(dir).ManifestPath);

    /// <exception cref="NetworkException">The folder holds no network.</exception>
    public static LocalNetwork Open(string dir, TimeProvider? time = null)
    {
        var layout = new NetworkLayout(dir);
        if (!File.Exists(layout.ManifestPath))
            throw new NetworkException(Directory.Exists(layout.Root)
                ? $"{layout.Root} is not a tlnet network (it has no {NetworkLayout.ManifestFile}); create one with `tlnet up --dir {dir}`"
                : $"{layout.Root} does not exist; create a network with `tlnet up --dir {dir}`");
        var manifest = NetworkManifest.Load(layout.ManifestPath);
        GenesisDocument genesis;
        try
        {
            genesis = GenesisDocument.Load(layout.GenesisPath);
        }
        catch (Exception e) when (e is GenesisException or IOException)
        {
            throw new NetworkException($"the network's genesis {layout.GenesisPath} cannot be read: {e.Message}");
        }
        return new LocalNetwork(layout, manifest, genesis, time ?? TimeProvider.System);
    }

    /// <exception cref="NetworkException">There is no node <paramref name="index"/>.</exception>
    public NodeEntry Node(int index) =>
        Nodes.FirstOrDefault(n => n.Index == index)
        ?? throw new NetworkException($"there is no node {index} in {Layout.Root}: the network has {(Nodes.Count == 1 ? "only node 1" : $"nodes 1–{Nodes.Count}")}");

    public NodeLayout Files(int index) => Layout.Node(Node(index).Index);

    /// <summary>The node's pid if its process is running, else null (a stale pid file is ignored).</summary>
    public int? RunningPid(int index)
    {
        var files = Files(index);
        return PidFile.Read(files.PidPath) is { } pid && ProcessProbe.IsNode(pid, files.DataDir) ? pid : null;
    }

    /// <summary>The address of the validator key that node <paramref name="index"/> signs with.</summary>
    public Address ValidatorAddress(int index)
    {
        var organisation = Node(index).Organisation;
        var validator = Genesis.Validators.First(v => v.Organisation == organisation);
        return Suite.AddressOf(Hex.Decode(validator.PublicKey));
    }
}
