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
        SoloValidator validator, KeyPair key, CommitFeed feed, string organisation)
    {
        (Chain, Store, Ledger, Admission, Pool, Validator, Key, Feed, Organisation) =
            (chain, store, ledger, admission, pool, validator, key, feed, organisation);
    }

    public ChainConfig Chain { get; }
    public IBlockStore Store { get; }
    public LedgerState Ledger { get; }
    public TxAdmission Admission { get; }
    public TxPool Pool { get; }
    public SoloValidator Validator { get; }
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
        var organisation = chain.Genesis.Validators
            .FirstOrDefault(v => chain.Suite.AddressOf(Protocol.Primitives.Hex.Decode(v.PublicKey)) == key.Address)?.Organisation
            ?? throw new InvalidOperationException($"key {key.Address} is not a validator in genesis {options.GenesisPath}");

        var store = FileBlockStore.Open(options.BlocksDir, chain.Suite, logger);
        try
        {
            var executor = BlockExecutor.ForChain(chain);
            logger.LogInformation("Replaying {Height} blocks from {Dir}", store.Height, options.BlocksDir);
            var (ledger, nonces) = LedgerLoader.Load(chain, executor, store,
                (done, total) => logger.LogInformation("Replayed {Done}/{Total} blocks", done, total), progressEvery: 5000);
            var pool = new TxPool(options.MempoolCapacity);
            var members = MemberDirectory.FromState(ledger);
            var admission = new TxAdmission(ledger, executor, members, nonces, pool, time);
            var validator = new SoloValidator(ledger, executor, pool, nonces, members, store, key, time);
            var feed = new CommitFeed(store, ledger);
            return new NodeRuntime(chain, store, ledger, admission, pool, validator, key, feed, organisation);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Dispose() => Store.Dispose();
}
