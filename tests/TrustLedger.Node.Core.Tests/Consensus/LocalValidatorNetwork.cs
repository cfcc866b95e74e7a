using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using TrustLedger.Consensus;
using TrustLedger.Consensus.Messages;
using TrustLedger.Node.Core.Admission;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Consensus;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Mempool;
using TrustLedger.Node.Core.Storage;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Tests.Consensus;

/// <summary>
/// n validators in one process: real drivers, cores, ledgers and contracts over in-memory stores and WALs, linked by a
/// loopback transport. A stopped node keeps its store and WAL (as a disk would) and restarts from them.
/// Real time with short timeouts; tests wait for outcomes with generous deadlines and never assert durations.
/// </summary>
public sealed class LocalValidatorNetwork : IAsyncDisposable
{
    public static readonly TimeoutPolicy FastTimeouts = new(
        TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(100),
        TimeSpan.FromSeconds(5));

    private readonly LocalNode[] _nodes;
    private ulong _nonce;

    public LocalValidatorNetwork(int validators, string suite = "eth")
    {
        Suite = CryptoSuites.Get(suite);
        var keys = Enumerable.Range(0, validators).Select(_ => Suite.GenerateKey()).ToArray();
        Client = Suite.GenerateKey();
        var genesis = new GenesisDocument
        {
            ChainId = "local-bft",
            CryptoSuite = Suite.Name,
            GenesisTimeMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1000,
            Organisations = [.. keys.Select((k, i) => new OrganisationEntry
            {
                Id = $"org{i + 1}",
                Roles = DevGenesis.AllRoles,
                Keys = i == 0 ? [Hex.Encode(k.PublicKey), Hex.Encode(Client.PublicKey)] : [Hex.Encode(k.PublicKey)],
            })],
            Validators = [.. keys.Select((k, i) => new ValidatorEntry { Organisation = $"org{i + 1}", PublicKey = Hex.Encode(k.PublicKey) })],
        };
        Chain = new ChainConfig(genesis);
        _nodes = keys.Select((k, i) => new LocalNode(this, i, k)).ToArray();
    }

    public ICryptoSuite Suite { get; }
    public ChainConfig Chain { get; }
    public KeyPair Client { get; }
    public IReadOnlyList<LocalNode> Nodes => _nodes;

    public void StartAll()
    {
        foreach (var node in _nodes) node.Start();
    }

    public SignedTransaction Tx(string payload) => Tx(Client, "anchor.put", System.Text.Encoding.UTF8.GetBytes(payload));

    /// <summary>A transaction of <paramref name="type"/> signed by <paramref name="signer"/> (a validator key is also a member key of its organisation).</summary>
    public SignedTransaction Tx(KeyPair signer, string type, byte[] payload)
    {
        var now = DateTimeOffset.UtcNow;
        var body = new Transaction(Chain.ChainId, signer.PublicKey, type, payload, Interlocked.Increment(ref _nonce),
            (now - TimeSpan.FromMinutes(1)).ToUnixTimeMilliseconds(), (now + TimeSpan.FromMinutes(10)).ToUnixTimeMilliseconds());
        return SignedTransaction.Sign(body, signer, Suite);
    }

    /// <summary>Submits through node <paramref name="via"/> and waits until every running node stored it; returns its receipt.</summary>
    public async Task<Receipt> Commit(SignedTransaction tx, int via = 0)
    {
        var admitted = _nodes[via].Submit(tx);
        if (admitted.Rejection is { } refused) throw new InvalidOperationException($"not admitted: {refused.Reason}");
        var running = _nodes.Where(n => n.IsUp).ToList();
        await WaitForTransaction(tx.Id, running);
        var at = running[0].Store.FindTransaction(tx.Id)!.Value;
        return running[0].Store.GetBlock(at.Height)!.Receipts[at.Index];
    }

    /// <summary>Waits until every node in <paramref name="nodes"/> (default: the running ones) has stored block <paramref name="height"/>.</summary>
    public async Task WaitForHeight(ulong height, IEnumerable<LocalNode>? nodes = null, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        var watched = (nodes ?? _nodes.Where(n => n.IsUp)).ToList();
        while (watched.Any(n => n.Store.Height < height))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"height {height} not reached: {string.Join(", ", watched.Select(n => $"node {n.Index} at {n.Store.Height} ({n.Driver?.Status})"))}");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until <paramref name="txId"/> is stored by every node in <paramref name="nodes"/>.</summary>
    public async Task WaitForTransaction(Hash32 txId, IEnumerable<LocalNode> nodes, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        var watched = nodes.ToList();
        while (watched.Any(n => n.Store.FindTransaction(txId) is null))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"transaction {txId} not committed everywhere");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.StopAsync();
    }

    /// <summary>One validator: durable parts (store, WAL) survive <see cref="StopAsync"/>; the rest is rebuilt on start.</summary>
    public sealed class LocalNode(LocalValidatorNetwork network, int index, KeyPair key)
    {
        private CancellationTokenSource? _stop;
        private Task? _run;

        public int Index { get; } = index;
        public KeyPair Key { get; } = key;
        public InMemoryBlockStore Store { get; private set; } = new();
        public InMemoryConsensusWal Wal { get; private set; } = new();
        public ConsensusDriver? Driver { get; private set; }
        public TxAdmission? Admission { get; private set; }
        public LedgerState? Ledger { get; private set; }
        public bool IsUp => Driver is not null;
        public Exception? Failure { get; private set; }

        public void Start()
        {
            var chain = network.Chain;
            var executor = BlockExecutor.ForChain(chain);
            var (ledger, nonces) = LedgerLoader.Load(chain, executor, Store);
            var pool = new TxPool(50_000);
            var members = MemberDirectory.FromState(ledger);
            Ledger = ledger;
            Admission = new TxAdmission(ledger, executor, members, nonces, pool, TimeProvider.System);
            var driver = new ConsensusDriver(chain, ledger, executor, pool, Store, new BlockCommitter(ledger, nonces, members, Store),
                new LedgerValidatorSets(ledger), Key, Wal, new LoopbackTransport(network, Index), TimeProvider.System, NullLogger.Instance,
                new ConsensusDriverOptions { Timeouts = FastTimeouts, EmptyBlockDelay = TimeSpan.FromMilliseconds(100), GossipPeriod = TimeSpan.FromMilliseconds(100) },
                _ => { });
            _stop = new CancellationTokenSource();
            _run = Task.Run(async () =>
            {
                try
                {
                    await driver.RunAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception e)
                {
                    Failure = e;
                }
            });
            Driver = driver;
        }

        /// <summary>Admits a client transaction here and shares it, as the node's Submit does.</summary>
        public AdmissionResult Submit(SignedTransaction tx)
        {
            var result = Admission!.Admit(tx);
            if (result.Rejection is null && !result.AlreadyKnown) network.Share(Index, [tx]);
            return result;
        }

        public async Task StopAsync()
        {
            if (_stop is null) return;
            Driver = null;
            await _stop.CancelAsync();
            if (_run is not null) await _run;
            _stop.Dispose();
            _stop = null;
            if (Failure is { } failure) throw new InvalidOperationException($"node {Index} failed", failure);
        }

        /// <summary>Loses the disk: a fresh, empty store and WAL (the node must be stopped).</summary>
        public void Wipe()
        {
            if (IsUp) throw new InvalidOperationException("stop the node first");
            Store = new InMemoryBlockStore();
            Wal = new InMemoryConsensusWal();
        }
    }

    private void Share(int from, IReadOnlyList<SignedTransaction> txs)
    {
        foreach (var node in _nodes)
            if (node.Index != from && node.Admission is { } admission && node.IsUp)
                Task.Run(() => admission.AdmitBatch(txs));
    }

    private sealed class LoopbackTransport(LocalValidatorNetwork network, int self) : IPeerTransport
    {
        public void Broadcast(IReadOnlyList<ConsensusMessage> messages)
        {
            foreach (var node in network._nodes)
                if (node.Index != self && node.Driver is { } driver)
                    foreach (var message in messages) driver.Deliver(message);
        }

        public void ShareTransactions(IReadOnlyList<SignedTransaction> transactions) => network.Share(self, transactions);

        public void AnnounceStatus(PeerStatus status)
        {
            var me = network._nodes[self];
            foreach (var node in network._nodes)
                if (node.Index != self && node.Driver is { } driver)
                    Task.Run(async () =>
                    {
                        try
                        {
                            var answer = await driver.AnswerStatusAsync(status).WaitAsync(TimeSpan.FromSeconds(2));
                            me.Driver?.DeliverAnswer(answer);
                        }
                        catch (TimeoutException)
                        {
                            // the peer stopped meanwhile: a lost answer, like a lost packet
                        }
                    });
        }
    }
}
