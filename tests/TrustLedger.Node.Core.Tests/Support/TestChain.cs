using TrustLedger.Node.Core.Admission;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Mempool;
using TrustLedger.Node.Core.Storage;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Tests.Support;

/// <summary>
/// A one-validator chain on the in-memory store with two member keys (<see cref="Alice"/>, <see cref="Bob"/>)
/// and an <see cref="Outsider"/> key that no organisation owns. Time is manual.
/// </summary>
public sealed class TestChain
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public TestChain(string suite = "eth", ChainParameters? parameters = null, IBlockStore? store = null)
    {
        Suite = CryptoSuites.Get(suite);
        Validator = Suite.GenerateKey();
        Alice = Suite.GenerateKey();
        Bob = Suite.GenerateKey();
        Outsider = Suite.GenerateKey();
        var genesis = DevGenesis.Create(Suite, Validator, [Alice], "test-chain", Start.ToUnixTimeMilliseconds() - 1000) with
        {
            Parameters = parameters ?? new ChainParameters(),
        };
        genesis = genesis with
        {
            Organisations = [.. genesis.Organisations, new OrganisationEntry { Id = "bob-dept", Roles = ["department"], Keys = [Hex.Encode(Bob.PublicKey)] }],
        };
        Config = new ChainConfig(genesis);
        Time = new ManualTime(Start);
        Store = store ?? new InMemoryBlockStore();
        Executor = BlockExecutor.ForChain(Config);
        (Ledger, Nonces) = LedgerLoader.Load(Config, Executor, Store);
        Pool = new TxPool(capacity: 10_000);
        Members = MemberDirectory.FromState(Ledger);
        Admission = new TxAdmission(Ledger, Executor, Members, Nonces, Pool, Time);
        Committer = new BlockCommitter(Ledger, Nonces, Members, Store);
        Blocks = new TestBlockProducer(Ledger, Executor, Pool, Committer, Validator, Time);
    }

    public ICryptoSuite Suite { get; }
    public KeyPair Validator { get; }
    public KeyPair Alice { get; }
    public KeyPair Bob { get; }
    public KeyPair Outsider { get; }
    public ChainConfig Config { get; }
    public ManualTime Time { get; }
    public IBlockStore Store { get; }
    public BlockExecutor Executor { get; }
    public LedgerState Ledger { get; }
    public CommittedNonces Nonces { get; }
    public TxPool Pool { get; }
    public MemberDirectory Members { get; }
    public TxAdmission Admission { get; }
    public BlockCommitter Committer { get; }
    public TestBlockProducer Blocks { get; }

    private ulong _nonce = 1;

    public SignedTransaction Tx(KeyPair? sender = null, string type = "anchor.put", byte[]? payload = null, ulong? nonce = null,
        string? chainId = null, TimeSpan? notBefore = null, TimeSpan? notAfter = null)
    {
        sender ??= Alice;
        var now = Time.GetUtcNow();
        var body = new Transaction(chainId ?? Config.ChainId, sender.PublicKey, type, payload ?? "hello"u8.ToArray(), nonce ?? _nonce++,
            (now + (notBefore ?? TimeSpan.FromMinutes(-1))).ToUnixTimeMilliseconds(),
            (now + (notAfter ?? TimeSpan.FromMinutes(10))).ToUnixTimeMilliseconds());
        return SignedTransaction.Sign(body, sender, Suite);
    }

    /// <summary>Admits the transactions (all must be accepted) and produces one block.</summary>
    public CommitOutcome Commit(params SignedTransaction[] txs)
    {
        foreach (var tx in txs)
        {
            var result = Admission.Admit(tx);
            if (!result.Accepted) throw new InvalidOperationException($"not admitted: {result.Rejection}");
        }
        Time.Advance(TimeSpan.FromMilliseconds(10));
        return Blocks.ProduceBlock() ?? throw new InvalidOperationException("no block produced");
    }
}
