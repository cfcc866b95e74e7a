using TrustLedger.Network.Generation;
using TrustLedger.Network.Layout;
using TrustLedger.Network.Lifecycle;
using TrustLedger.Network.Processes;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Sdk;
using Xunit.Abstractions;

namespace TrustLedger.Network.Tests.Support;

/// <summary>
/// A local network in a temporary folder, driven through tlnet's library code with the node the tlnet build copied beside
/// itself. Disposing kills whatever still runs, writes the end of each node's log to the test output and deletes the folder.
/// </summary>
public sealed class NetworkHarness(ITestOutputHelper? output = null, string? nodeBinary = null) : IAsyncDisposable
{
    public const string Password = KeyPassword.Dev;

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "tlnet-test-" + Guid.NewGuid().ToString("N")[..8]);
    public int BasePort { get; } = TestPorts.NextBase();
    public NodeLauncher Launcher { get; } = new(NodeBinary.Locate(nodeBinary ?? BuiltTlnet.NodeDll), Password, TimeProvider.System);
    public NetworkLayout Layout => new(Dir);
    public LocalNetwork Network => LocalNetwork.Open(Dir);

    public UpRequest Request(int nodes, string suite = "eth", TimeSpan? timeout = null, int? admins = null) =>
        new(Dir, nodes, suite, BasePort, Admins: admins) { Timeout = timeout ?? TimeSpan.FromSeconds(60) };

    /// <summary><c>tlnet up --dir {Dir} --nodes {nodes} --base-port {BasePort} [--admins {admins}]</c>.</summary>
    public Task<UpResult> UpAsync(int nodes = 1, string suite = "eth", TimeSpan? timeout = null, int? admins = null) =>
        NetworkUp.RunAsync(Request(nodes, suite, timeout, admins), Launcher, Password, TimeProvider.System);

    /// <summary>Generates the files only, starting nothing.</summary>
    public NetworkManifest Generate(int nodes, string suite = "eth", int admins = NetworkSpec.DefaultAdmins) =>
        NetworkGenerator.Create(Layout, new NetworkSpec(nodes, suite, BasePort, Admins: admins), Password, TimeProvider.System);

    private readonly List<TrustLedgerClient> _clients = [];

    /// <summary>A client of node <paramref name="index"/> signing with that organisation's client key; disposed with the harness.</summary>
    public async Task<TrustLedgerClient> ClientAsync(int index)
    {
        var network = Network;
        var key = KeyFile.Load(network.Files(index).ClientKeyPath, Password);
        var client = await TrustLedgerClient.ConnectAsync(network.Node(index).Endpoint, key, network.ClientTls(network.Node(index), index));
        lock (_clients) _clients.Add(client);
        return client;
    }

    /// <summary><c>tl</c>'s TLS options acting as organisation <paramref name="organisation"/> (empty on a plaintext network).</summary>
    public string[] TlsArguments(int organisation)
    {
        var network = Network;
        if (!network.Node(organisation).Tls) return [];
        var files = network.Files(organisation);
        return ["--tls-cert", files.ClientCertPath, "--tls-key", files.ClientTlsKeyPath, "--ca", network.Layout.CaBundlePath];
    }

    /// <summary>Starts a node and waits until it answers.</summary>
    public async Task StartAsync(int index)
    {
        var network = Network;
        network.Start(index, Launcher);
        await network.WaitReadyAsync([index], TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        lock (_clients) foreach (var client in _clients) client.Dispose();
        if (!LocalNetwork.Exists(Dir))
        {
            if (Directory.Exists(Dir)) Directory.Delete(Dir, recursive: true);
            return;
        }
        var network = Network;
        foreach (var node in network.Nodes)
        {
            await network.KillAsync(node.Index);
            var tail = NodeLog.Tail(network.Files(node.Index).LogPath, 15);
            if (tail.Count > 0) output?.WriteLine($"--- node {node.Index} log (end) ---{Environment.NewLine}{string.Join(Environment.NewLine, tail)}");
        }
        Directory.Delete(Dir, recursive: true);
    }
}
