using System.Diagnostics;
using System.Text;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Images;
using DotNet.Testcontainers.Networks;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Protocol.Primitives;
using TrustLedger.Sdk;
using TrustLedger.Sdk.Tls;

namespace TrustLedger.Containers.Tests.Support;

/// <summary>
/// One TrustLedger node in a container of <see cref="NodeImage"/>: gRPC on <see cref="GrpcPort"/> inside, published on
/// a random host port (<see cref="Endpoint"/>), reachable by other containers of its Docker network as
/// <c>https://{Alias}:5080</c> (<see cref="NetworkEndpoint"/>). Validators and followers of a <see cref="GeneratedNetwork"/>
/// serve mutual TLS with their organisation's certificates (which name the alias and 127.0.0.1/localhost), and the
/// host's clients present <see cref="ClientTls"/>; only a dev validator (<c>--dev</c>) serves plaintext
/// (<c>http://</c>). Start and restart wait until the node logs
/// "TrustLedger node listening on". Faults: <see cref="StopAsync"/> (SIGTERM), <see cref="PauseAsync"/> (frozen, its
/// sockets stay open), <see cref="DisconnectAsync"/> (off the network; the host port goes too).
/// </summary>
public sealed class NodeContainer : IAsyncDisposable
{
    public const int GrpcPort = 5080;

    /// <summary>Password of the keys in a dev node's data folder (and of the generated test networks).</summary>
    public const string Password = "dev";

    /// <summary>Label on every container the tests start: <c>docker rm -f $(docker ps -aq -f label=org.trustledger.tests)</c> clears leftovers.</summary>
    public const string Label = "org.trustledger.tests";

    public const string ReadyMessage = "TrustLedger node listening on";

    private readonly IContainer _container;
    private readonly INetwork? _network;

    private NodeContainer(IContainer container, string alias, INetwork? network, TlsClientOptions? clientTls)
    {
        _container = container;
        _network = network;
        Alias = alias;
        ClientTls = clientTls;
    }

    /// <summary>The node's name on its Docker network, e.g. <c>node1</c>.</summary>
    public string Alias { get; }

    /// <summary>The gRPC address from the host; its port changes on every start and reconnect.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>
    /// What clients from the host present and verify this node against (an organisation's client certificate and
    /// the network's CA bundle); null for a dev validator, which serves plaintext.
    /// </summary>
    public TlsClientOptions? ClientTls { get; }

    private string Scheme => ClientTls is null ? "http" : "https";

    /// <summary>The gRPC address other containers of the network use: what goes into a peer's <c>--peers</c> or <c>--follow</c>.</summary>
    public string NetworkEndpoint => $"{Scheme}://{Alias}:{GrpcPort}";

    public string Id => _container.Id;

    /// <summary>Whether Docker has the container (false before the first start, or when creating it failed).</summary>
    public bool Created => _container.State != TestcontainersStates.Undefined;

    /// <summary>A dev-mode validator (<c>--dev</c>): it creates its genesis, validator key and client key in /data.</summary>
    public static NodeContainer DevValidator(string alias = "node", INetwork? network = null) =>
        Create(alias, network, ["--dev"], [], clientTls: null);

    /// <summary>
    /// Validator <paramref name="index"/> of a generated network, <c>node{index}</c> on <paramref name="network"/>: the
    /// genesis, its validator key and its organisation's node certificate and key copied in (readable by the node's user
    /// only) at /network, mutual TLS with them, its peers (their <see cref="NetworkEndpoint"/>s) given as <c>--peers</c>.
    /// <paramref name="extraArguments"/> go last (e.g. consensus timeouts).
    /// </summary>
    public static NodeContainer Validator(GeneratedNetwork files, int index, INetwork network, IReadOnlyList<string> peers, params string[] extraArguments) =>
        Create(GeneratedNetwork.Alias(index), network,
            ["--genesis", MountedGenesis, "--key", MountedKey, .. TlsArguments, .. peers.Count > 0 ? ["--peers", string.Join(',', peers)] : Array.Empty<string>(), .. extraArguments],
            [(File.ReadAllBytes(files.GenesisPath), MountedGenesis), (File.ReadAllBytes(files.ValidatorKeyPath(index)), MountedKey),
                .. TlsFiles(files.NodeCertPath(index), files.NodeKeyPath(index))],
            files.ClientTls(index));

    /// <summary>
    /// A follower of <paramref name="upstream"/> (a validator's <see cref="NetworkEndpoint"/>), over mutual TLS: the
    /// genesis, organisation <paramref name="organisation"/>'s member key and a node certificate its CA issues for
    /// <paramref name="alias"/>.
    /// </summary>
    public static NodeContainer Follower(GeneratedNetwork files, int organisation, string alias, INetwork network, string upstream)
    {
        var (certificate, key) = files.IssueNodeCertificate(organisation, alias);
        return Create(alias, network, ["--genesis", MountedGenesis, "--key", MountedKey, .. TlsArguments, "--follow", upstream],
            [(File.ReadAllBytes(files.GenesisPath), MountedGenesis), (File.ReadAllBytes(files.ClientKeyPath(organisation)), MountedKey), .. TlsFiles(certificate, key)],
            files.ClientTls(organisation));
    }

    private const string MountedGenesis = "/network/genesis.json";
    private const string MountedKey = "/network/node.key.json";
    private const string MountedTlsCert = "/network/node.crt";
    private const string MountedTlsKey = "/network/node.key";
    private static readonly string[] TlsArguments = ["--tls-cert", MountedTlsCert, "--tls-key", MountedTlsKey];

    private static (byte[], string)[] TlsFiles(string certificate, string key) =>
        [(File.ReadAllBytes(certificate), MountedTlsCert), (File.ReadAllBytes(key), MountedTlsKey)];

    private static NodeContainer Create(string alias, INetwork? network, IReadOnlyList<string> arguments, IReadOnlyList<(byte[] Content, string Path)> files,
        TlsClientOptions? clientTls)
    {
        var builder = new ContainerBuilder(NodeImage.Name)
            .WithImagePullPolicy(PullPolicy.Never)
            .WithLabel(Label, "containers")
            .WithEnvironment("TL_KEY_PASSWORD", Password)
            .WithPortBinding(GrpcPort, assignRandomHostPort: true)
            .WithCommand([.. arguments])
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged(ReadyMessage, w => w.WithTimeout(TimeSpan.FromMinutes(2))))
            .WithCleanUp(true);
        foreach (var (content, path) in files)
            builder = builder.WithResourceMapping(content, path, NodeImage.UserId, NodeImage.UserId, UnixFileModes.UserRead);
        if (network is not null) builder = builder.WithNetwork(network).WithNetworkAliases(alias);
        return new NodeContainer(builder.Build(), alias, network, clientTls);
    }

    /// <summary>Starts (or restarts) the container and waits until the node listens.</summary>
    public async Task StartAsync(CancellationToken cancellation = default)
    {
        await _container.StartAsync(cancellation);
        await RefreshEndpointAsync(cancellation);
    }

    /// <summary><c>docker stop</c>: SIGTERM to the node (PID 1). Returns how long the container took to exit.</summary>
    public async Task<TimeSpan> StopAsync(CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        await _container.StopAsync(cancellation);
        return clock.Elapsed;
    }

    /// <summary>The exit code of a stopped container: 0 when the node shut down on SIGTERM, 137 when Docker had to kill it.</summary>
    public Task<long> ExitCodeAsync(CancellationToken cancellation = default) => _container.GetExitCodeAsync(cancellation);

    /// <summary><c>docker pause</c>: every process of the container frozen; connections are accepted by the kernel but never answered.</summary>
    public Task PauseAsync(CancellationToken cancellation = default) => _container.PauseAsync(cancellation);

    public Task UnpauseAsync(CancellationToken cancellation = default) => _container.UnpauseAsync(cancellation);

    /// <summary><c>docker network disconnect</c>: the node loses its peers, and the host loses its published port until <see cref="ReconnectAsync"/>.</summary>
    public async Task DisconnectAsync(CancellationToken cancellation = default)
    {
        var network = _network ?? throw new InvalidOperationException($"{Alias} is on no network of its own");
        using var docker = DockerEngine.CreateClient();
        await docker.Networks.DisconnectNetworkAsync(network.Name, new NetworkDisconnectParameters { Container = Id }, cancellation);
        Endpoint = "";
    }

    /// <summary><c>docker network connect</c> with the node's alias again; the host port is a new one.</summary>
    public async Task ReconnectAsync(CancellationToken cancellation = default)
    {
        var network = _network ?? throw new InvalidOperationException($"{Alias} is on no network of its own");
        using var docker = DockerEngine.CreateClient();
        await docker.Networks.ConnectNetworkAsync(network.Name,
            new NetworkConnectParameters { Container = Id, EndpointConfig = new EndpointSettings { Aliases = [Alias] } }, cancellation);
        await RefreshEndpointAsync(cancellation);
    }

    /// <summary>A file of the container, e.g. a dev node's <see cref="DevGenesis"/> or <see cref="DevClientKey"/>.</summary>
    public Task<byte[]> ReadFileAsync(string path, CancellationToken cancellation = default) => _container.ReadFileAsync(path, cancellation);

    public const string DevGenesis = "/data/genesis.json";

    /// <summary>The key file a dev node makes for its client (the dev organisation: every role).</summary>
    public const string DevClientKey = "/data/client.key.json";

    /// <summary>The dev node's client key, decrypted.</summary>
    public async Task<KeyPair> DevClientKeyAsync(CancellationToken cancellation = default) =>
        KeyFile.Decrypt(Encoding.UTF8.GetString(await ReadFileAsync(DevClientKey, cancellation)), Password);

    /// <summary>
    /// Waits (on the node's block stream, with a deadline) until the node has committed <paramref name="height"/>;
    /// returns that block's hash, to compare across nodes.
    /// </summary>
    public async Task<Hash32> WaitForBlockAsync(ulong height, TimeSpan deadline)
    {
        using var cancel = new CancellationTokenSource(deadline);
        try
        {
            using var client = await ConnectAsync(cancellation: cancel.Token);
            async Task<Hash32> HashAt() => (await client.GetHeaderAsync(height, cancel.Token)).ComputeHash(client.Suite.Hash);
            if (client.Node.Height >= height) return await HashAt();
            await foreach (var header in client.WatchBlocksAsync(client.Node.Height + 1, cancel.Token))
                if (header.Height >= height) return await HashAt();
            throw new InvalidOperationException($"{Alias}'s block stream ended before height {height}");
        }
        catch (Exception e) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"{Alias} did not reach height {height} within {deadline}", e);
        }
    }

    /// <summary>
    /// A client of this node from the host, presenting <see cref="ClientTls"/> (the node's organisation's client
    /// certificate) when the node serves TLS; read-only when <paramref name="signer"/> is null.
    /// </summary>
    public Task<TrustLedgerClient> ConnectAsync(KeyPair? signer = null, CancellationToken cancellation = default) =>
        TrustLedgerClient.ConnectAsync(Endpoint, signer, ClientTls, cancellation);

    /// <summary>Everything the node printed (stdout then stderr), for failure messages.</summary>
    public async Task<string> LogsAsync()
    {
        var (stdout, stderr) = await _container.GetLogsAsync(timestampsEnabled: false);
        return stdout + stderr;
    }

    /// <summary>
    /// Stops the node gracefully and removes the container: without Ryuk (no registry to pull it from) Testcontainers
    /// only stops what it started, so the removal is done here.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!Created)
        {
            await _container.DisposeAsync();   // never created
            return;
        }
        var id = _container.Id;
        using var docker = DockerEngine.CreateClient();
        try
        {
            if ((await docker.Containers.InspectContainerAsync(id)).State is { Paused: true }) await _container.UnpauseAsync();
            await _container.DisposeAsync();
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
        }
    }

    /// <summary>The published port is read from Docker each time: it changes on restart and on reconnect.</summary>
    private async Task RefreshEndpointAsync(CancellationToken cancellation)
    {
        using var docker = DockerEngine.CreateClient();
        var inspect = await docker.Containers.InspectContainerAsync(Id, cancellation);
        var bindings = inspect.NetworkSettings?.Ports is { } ports && ports.TryGetValue($"{GrpcPort}/tcp", out var b) ? b : null;
        var port = bindings?.FirstOrDefault(p => !string.IsNullOrEmpty(p.HostPort))?.HostPort
            ?? throw new InvalidOperationException($"{Alias} publishes no host port for {GrpcPort}/tcp");
        Endpoint = $"{Scheme}://{DockerEngine.PublishedHost}:{port}";
    }
}
