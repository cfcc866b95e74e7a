using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Node.Configuration;
using TrustLedger.Node.Core.Admission;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Mempool;
using TrustLedger.Node.Core.Storage;
using TrustLedger.Node.Storage;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;

namespace TrustLedger.Node.Hosting;

/// <summary>
/// The node's composed core: genesis, durable store, replayed ledger, admission, mempool and the validator.
/// Built once at start-up, before the host begins serving.
/// </summary>
public sealed class NodeRuntime : IDisposable
{
    private NodeRuntime(ChainConfig chain, IBlockStore store, LedgerState ledger, TxAdmission admission, TxPool pool,
        SoloValidator? validator, BlockImporter importer, KeyPair key, CommitFeed feed, string organisation, string? upstream)
    {
        (Chain, Store, Ledger, Admission, Pool, Validator, Importer, Key, Feed, Organisation, Upstream) =
            (chain, store, ledger, admission, pool, validator, importer, key, feed, organisation, upstream);
        if (upstream is not null)
            _upstreamChannel = new(() => Grpc.Net.Client.GrpcChannel.ForAddress(upstream, new() { MaxReceiveMessageSize = 64 * 1024 * 1024 }));
    }

    public ChainConfig Chain { get; }
    public IBlockStore Store { get; }
    public LedgerState Ledger { get; }
    public TxAdmission Admission { get; }
    public TxPool Pool { get; }
    /// <summary>The block producer when this node is the dev-mode validator; null on a follower.</summary>
    public SoloValidator? Validator { get; }

    /// <summary>Verifies and applies blocks received from peers.</summary>
    public BlockImporter Importer { get; }

    /// <summary>The peer a follower imports blocks from and forwards transactions to; null on the validator.</summary>
    public string? Upstream { get; }

    public bool IsFollower => Validator is null;

    private readonly Lazy<Grpc.Net.Client.GrpcChannel>? _upstreamChannel;

    /// <summary>The follower's channel to its peer (transactions are forwarded there).</summary>
    public Grpc.Net.Client.GrpcChannel UpstreamChannel =>
        _upstreamChannel?.Value ?? throw new InvalidOperationException("this node follows no peer");
    public string Role => IsFollower ? "follower" : "validator";
    public KeyPair Key { get; }
    public CommitFeed Feed { get; }
    public string Organisation { get; }
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public static NodeRuntime Open(NodeOptions options, string password, TimeProvider time, ILogger logger)
    {
        var chain = new ChainConfig(GenesisDocument.Load(options.GenesisPath));
        var key = KeyFile.Load(options.KeyPath, password);
        if (key.Suite != chain.Suite.Name)
            throw new InvalidOperationException($"key {options.KeyPath} is a {key.Suite} key but the network uses {chain.Suite.Name}");
        var validatorOrganisation = chain.Genesis.Validators
            .FirstOrDefault(v => chain.Suite.AddressOf(Protocol.Primitives.Hex.Decode(v.PublicKey)) == key.Address)?.Organisation;
        if (validatorOrganisation is not null && chain.Validators.Count > 1)
            throw new InvalidOperationException($"the genesis names {chain.Validators.Count} validators: BFT consensus between validators is not available in this release; run one validator and follow it");
        if (validatorOrganisation is null && string.IsNullOrEmpty(options.Follow))
            throw new InvalidOperationException($"key {key.Address} is not a validator in genesis {options.GenesisPath}; to run a follower, name the peer to follow with --follow http://host:port");

        var store = FileBlockStore.Open(options.BlocksDir, chain.Suite, logger);
        try
        {
            var executor = BlockExecutor.ForChain(chain);
            logger.LogInformation("Replaying {Height} blocks from {Dir}", store.Height, options.BlocksDir);
            var (ledger, nonces) = LedgerLoader.Load(chain, executor, store,
                (done, total) => logger.LogInformation("Replayed {Done}/{Total} blocks", done, total), progressEvery: 5000);
            var pool = new TxPool(options.MempoolCapacity);
            var members = MemberDirectory.FromState(ledger);
            var organisation = validatorOrganisation ?? members.OrganisationOf(key.Address)
                ?? throw new InvalidOperationException($"key {key.Address} is neither a validator nor a member key of this network");
            var admission = new TxAdmission(ledger, executor, members, nonces, pool, time);
            var validator = validatorOrganisation is null ? null : new SoloValidator(ledger, executor, pool, nonces, members, store, key, time);
            var importer = new BlockImporter(ledger, executor, nonces, members, store);
            var feed = new CommitFeed(store, ledger);
            return new NodeRuntime(chain, store, ledger, admission, pool, validator, importer, key, feed, organisation,
                validatorOrganisation is null ? options.Follow : null);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_upstreamChannel is { IsValueCreated: true }) _upstreamChannel.Value.Dispose();
        Store.Dispose();
    }
}
