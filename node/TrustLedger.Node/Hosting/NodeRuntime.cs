using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Consensus;
using TrustLedger.Node.Configuration;
using TrustLedger.Node.Core.Admission;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Consensus;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Mempool;
using TrustLedger.Node.Core.Storage;
using TrustLedger.Node.Peers;
using TrustLedger.Node.Security;
using TrustLedger.Node.Storage;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Hosting;

/// <summary>
/// The node's composed core: genesis, durable store, replayed ledger, admission, mempool and, on a validator, the
/// consensus driver — the one way blocks are decided and committed, dev mode (a network of one validator) included;
/// nothing on a follower. Built once at start-up, before the host begins serving.
/// </summary>
public sealed class NodeRuntime : IDisposable
{
    private NodeRuntime(ChainConfig chain, IBlockStore store, LedgerState ledger, TxAdmission admission, TxPool pool,
        BlockImporter importer, KeyPair key, CommitFeed feed, string organisation)
    {
        (Chain, Store, Ledger, Admission, Pool, Importer, Key, Feed, Organisation) =
            (chain, store, ledger, admission, pool, importer, key, feed, organisation);
    }

    public ChainConfig Chain { get; }
    public IBlockStore Store { get; }
    public LedgerState Ledger { get; }
    public TxAdmission Admission { get; }
    public TxPool Pool { get; }

    /// <summary>The consensus driver when this node is a validator (with a quorum of one in dev mode); else null.</summary>
    public ConsensusDriver? Consensus { get; private set; }

    /// <summary>Links to the other validators (with <see cref="Consensus"/>; none in dev mode).</summary>
    public PeerNetwork? Peers { get; private set; }

    /// <summary>Validator sets by height, from governance state (with <see cref="Consensus"/>).</summary>
    public LedgerValidatorSets? ValidatorSets { get; private set; }

    private IConsensusWal? _wal;

    /// <summary>Verifies and applies blocks received from peers.</summary>
    public BlockImporter Importer { get; }

    /// <summary>The peer a follower imports blocks from and forwards transactions to; null on a validator.</summary>
    public string? Upstream { get; private set; }

    public bool IsFollower => Consensus is null;

    private Lazy<Grpc.Net.Client.GrpcChannel>? _upstreamChannel;

    /// <summary>The follower's channel to its peer (transactions are forwarded there).</summary>
    public Grpc.Net.Client.GrpcChannel UpstreamChannel =>
        _upstreamChannel?.Value ?? throw new InvalidOperationException("this node follows no peer");

    /// <summary>The node's mutual TLS, or null on a plaintext node (dev, or <c>--insecure-plaintext</c>).</summary>
    public NodeTls? Tls { get; private init; }

    /// <summary>A new channel to the followed peer, over mutual TLS when the node has it.</summary>
    public Grpc.Net.Client.GrpcChannel OpenUpstreamChannel() => Grpc.Net.Client.GrpcChannel.ForAddress(
        Upstream ?? throw new InvalidOperationException("this node follows no peer"),
        new() { MaxReceiveMessageSize = 64 * 1024 * 1024, HttpHandler = OutgoingHandler(Tls) });

    /// <summary>The handler of every outgoing gRPC channel: TLS with this node's certificate when it has one.</summary>
    public static SocketsHttpHandler OutgoingHandler(NodeTls? tls)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        tls?.Secure(handler);
        return handler;
    }

    public string Role => IsFollower ? "follower" : "validator";

    /// <summary>How this node takes part, for the start-up line: dev mode, one of n BFT validators, or a follower.</summary>
    public string Describe => IsFollower ? $"follower of {Upstream}"
        : Peers!.Urls.Count == 0 ? "validator, dev mode"
        : $"validator {Key.Address}, one of {Chain.Validators.Count}, peers {string.Join(",", Peers.Urls)}";
    public KeyPair Key { get; }
    public CommitFeed Feed { get; }
    public string Organisation { get; }
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Admits a client's transaction; under consensus a newly admitted one is shared with the other validators.</summary>
    public AdmissionResult Admit(SignedTransaction tx)
    {
        var result = Admission.Admit(tx);
        if (Peers is not null && result.Rejection is null && !result.AlreadyKnown) Peers.ShareTransactions([tx]);
        return result;
    }

    /// <summary>Admits a client's batch (signatures checked in parallel); under consensus newly admitted ones are shared.</summary>
    public AdmissionResult[] AdmitBatch(IReadOnlyList<SignedTransaction> txs)
    {
        var results = Admission.AdmitBatch(txs);
        if (Peers is not null)
        {
            var fresh = results.Where(r => r.Rejection is null && !r.AlreadyKnown).Select(r => r.Transaction).ToList();
            if (fresh.Count > 0) Peers.ShareTransactions(fresh);
        }
        return results;
    }

    /// <exception cref="StartupRefusal">TLS is on and the node's certificate does not speak for its organisation.</exception>
    public static NodeRuntime Open(NodeOptions options, string password, TimeProvider time, ILogger logger, NodeTls? tls = null)
    {
        var chain = new ChainConfig(GenesisDocument.Load(options.GenesisPath));
        var key = KeyFile.Load(options.KeyPath, password);
        if (key.Suite != chain.Suite.Name)
            throw new InvalidOperationException($"key {options.KeyPath} is a {key.Suite} key but the network uses {chain.Suite.Name}");
        var store = FileBlockStore.Open(options.BlocksDir, chain.Suite, logger);
        try
        {
            var executor = BlockExecutor.ForChain(chain);
            logger.LogInformation("Replaying {Height} blocks from {Dir}", store.Height, options.BlocksDir);
            var (ledger, nonces) = LedgerLoader.Load(chain, executor, store,
                (done, total) => logger.LogInformation("Replayed {Done}/{Total} blocks", done, total), progressEvery: 5000);
            var pool = new TxPool(options.MempoolCapacity);
            var members = MemberDirectory.FromState(ledger);
            var organisation = members.OrganisationOf(key.Address)
                ?? chain.Genesis.Validators.FirstOrDefault(v => chain.Suite.AddressOf(Protocol.Primitives.Hex.Decode(v.PublicKey)) == key.Address)?.Organisation
                ?? throw new InvalidOperationException($"key {key.Address} is neither a validator nor a member key of this network");
            var admission = new TxAdmission(ledger, executor, members, nonces, pool, time);
            var importer = new BlockImporter(ledger, executor, nonces, members, store);
            var feed = new CommitFeed(store, ledger, pool.Contains);
            var runtime = new NodeRuntime(chain, store, ledger, admission, pool, importer, key, feed, organisation) { Tls = tls };
            tls?.Pin(ledger, time);
            tls?.CheckOwnCertificate(organisation);
            switch (ChooseRole(options, chain, ledger, key))
            {
                case NodeRole.Follower:
                    runtime.Upstream = options.Follow;
                    runtime._upstreamChannel = new(runtime.OpenUpstreamChannel);
                    break;
                case NodeRole.DevValidator:
                    runtime.StartConsensus(options, [], createEmptyBlocks: false, executor, nonces, members, time, logger);
                    break;
                default:
                    runtime.StartConsensus(options, options.PeerList, createEmptyBlocks: true, executor, nonces, members, time, logger);
                    break;
            }
            return runtime;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private enum NodeRole { Follower, DevValidator, BftValidator }

    // Decided on the replayed ledger, not the genesis alone: governance may have changed the validator set since.
    private static NodeRole ChooseRole(NodeOptions options, ChainConfig chain, LedgerState ledger, KeyPair key)
    {
        if (!string.IsNullOrEmpty(options.Follow)) return NodeRole.Follower;
        var current = ledger.ValidatorSetAt(ledger.Height + 1);
        var isValidator = current.Contains(key.Address) || chain.GenesisValidators.Contains(key.Address);
        if (!isValidator)
            throw new InvalidOperationException($"key {key.Address} is not a validator of this network (at height {ledger.Height + 1}); to run a follower, name the peer to follow with --follow https://host:port");
        // A set of this node alone is a quorum of one: it decides alone and needs no peers (dev mode).
        if (current.Count == 1 && current.Contains(key.Address) && options.PeerList.Count == 0) return NodeRole.DevValidator;
        if (options.PeerList.Count == 0)
            throw new InvalidOperationException($"this network has {current.Count} validators and this node's key is one of them: name the other validators' endpoints with --peers https://host:port,…");
        return NodeRole.BftValidator;
    }

    // Dev mode is a network of one validator: the same driver, a quorum of one, no peers, and no empty blocks (an idle
    // dev chain stays where it is, as it always has).
    private void StartConsensus(NodeOptions options, IReadOnlyList<string> peers, bool createEmptyBlocks, BlockExecutor executor,
        CommittedNonces nonces, MemberDirectory members, TimeProvider time, ILogger logger)
    {
        ValidatorSets = new LedgerValidatorSets(Ledger);
        _wal = FileConsensusWal.Open(options.ConsensusDir, logger);
        Peers = new PeerNetwork(peers, Chain, Key, time, logger, Tls);
        var scale = options.TimeoutScale is > 0 and <= 100 ? options.TimeoutScale : 1;
        var driverOptions = new ConsensusDriverOptions
        {
            Timeouts = Scaled(TimeoutPolicy.Default, scale),
            EmptyBlockDelay = TimeSpan.FromMilliseconds(Math.Max(0, options.EmptyBlockDelayMs)),
            CreateEmptyBlocks = createEmptyBlocks,
        };
        Consensus = new ConsensusDriver(Chain, Ledger, executor, Pool, Store, new BlockCommitter(Ledger, nonces, members, Store),
            ValidatorSets, Key, _wal, Peers, time, logger, driverOptions, Feed.Publish);
        Peers.Attach(Consensus);
    }

    private static TimeoutPolicy Scaled(TimeoutPolicy p, double k) => new(
        p.ProposeBase * k, p.ProposeDelta * k, p.PrevoteBase * k, p.PrevoteDelta * k, p.PrecommitBase * k, p.PrecommitDelta * k, p.Max);

    public void Dispose()
    {
        if (Peers is not null) Peers.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_upstreamChannel is { IsValueCreated: true }) _upstreamChannel.Value.Dispose();
        _wal?.Dispose();
        Store.Dispose();
    }
}
