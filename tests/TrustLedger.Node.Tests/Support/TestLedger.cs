using Google.Protobuf;
using TrustLedger.Contracts.Messages;
using TrustLedger.Node.Core.Admission;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Mempool;
using TrustLedger.Node.Core.Storage;
using TrustLedger.Node.Hosting;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Tests.Support;

/// <summary>
/// A one-validator chain with the real contracts on the in-memory store, publishing to a <see cref="CommitFeed"/> like
/// the node does. <see cref="Hub"/> signs for <c>dev</c> (every role); <see cref="Water"/> and <see cref="Parks"/> are
/// departments; <see cref="Resident"/> belongs to nobody. Time is manual.
/// </summary>
public sealed class TestLedger
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private ulong _nonce = 1;

    /// <param name="reshape">Changes the genesis before the chain starts (e.g. pins TLS CAs).</param>
    public TestLedger(Func<GenesisDocument, GenesisDocument>? reshape = null)
    {
        Suite = CryptoSuites.Get("eth");
        var validator = Suite.GenerateKey();
        (Hub, Water, Parks, Resident) = (Suite.GenerateKey(), Suite.GenerateKey(), Suite.GenerateKey(), Suite.GenerateKey());
        var genesis = DevGenesis.Create(Suite, validator, [Hub], "watch-test", Start.ToUnixTimeMilliseconds() - 1000);
        genesis = genesis with
        {
            Organisations =
            [
                .. genesis.Organisations,
                new OrganisationEntry { Id = "water", Name = "Water bureau", Roles = ["department"], Keys = [Hex.Encode(Water.PublicKey)] },
                new OrganisationEntry { Id = "parks", Name = "Parks bureau", Roles = ["department"], Keys = [Hex.Encode(Parks.PublicKey)] },
            ],
        };
        if (reshape is not null) genesis = reshape(genesis);
        var config = new ChainConfig(genesis);
        Time = new ManualTime(Start);
        var store = new InMemoryBlockStore();
        var executor = BlockExecutor.ForChain(config);
        (Ledger, var nonces) = LedgerLoader.Load(config, executor, store);
        var pool = new TxPool(capacity: 10_000);
        var members = MemberDirectory.FromState(Ledger);
        _admission = new TxAdmission(Ledger, executor, members, nonces, pool, Time);
        (_executor, _pool, _validator) = (executor, pool, validator);
        _committer = new BlockCommitter(Ledger, nonces, members, store);
        Feed = new CommitFeed(store, Ledger);
    }

    private readonly TxAdmission _admission;
    private readonly BlockExecutor _executor;
    private readonly TxPool _pool;
    private readonly BlockCommitter _committer;
    private readonly KeyPair _validator;

    public ICryptoSuite Suite { get; }
    public KeyPair Hub { get; }
    public KeyPair Water { get; }
    public KeyPair Parks { get; }
    public KeyPair Resident { get; }
    public ManualTime Time { get; }
    public LedgerState Ledger { get; }
    public CommitFeed Feed { get; }
    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Commits one block holding one transaction (which must succeed) and publishes it.</summary>
    public CommitOutcome Commit(KeyPair sender, string type, IMessage payload)
    {
        var now = Time.GetUtcNow();
        var body = new Transaction(Ledger.Chain.ChainId, sender.PublicKey, type, payload.ToByteArray(), _nonce++,
            (now - TimeSpan.FromMinutes(1)).ToUnixTimeMilliseconds(), (now + TimeSpan.FromMinutes(10)).ToUnixTimeMilliseconds());
        var tx = SignedTransaction.Sign(body, sender, Suite);
        var admitted = _admission.Admit(tx);
        if (!admitted.Accepted) throw new InvalidOperationException($"{type} not admitted: {admitted.Rejection}");
        Time.Advance(TimeSpan.FromMilliseconds(10));
        var outcome = CommitPending();
        var receipt = outcome.Block?.Receipts.Single() ?? throw new InvalidOperationException($"{type} dropped: {outcome.Dropped.Single()}");
        if (!receipt.Success) throw new InvalidOperationException($"{type} failed: {receipt.Code}: {receipt.Message}");
        Feed.Publish(outcome);
        return outcome;
    }

    // The pending transaction as a one-validator network decides it (round 0, the validator's precommit alone),
    // committed through the node's BlockCommitter; synchronous, so tests need no driver thread.
    private CommitOutcome CommitPending()
    {
        var tx = _pool.Peek(1, int.MaxValue).Single();
        var timeMs = Math.Max(NowMs, Ledger.HeadTimeMs + 1);
        var execution = _executor.Execute(Ledger.State, [tx], Ledger.Height + 1, timeMs);
        _pool.RemoveCommitted([tx]);
        if (execution.Included.Count == 0) return new CommitOutcome(null, execution.Dropped, []);
        var header = Ledger.Preview(execution, timeMs, _validator.Address);
        var certificate = BlockCertificate.Sign(Suite, header, round: 0, [_validator]);
        return _committer.Commit(new Block(header, execution.Included, execution.Receipts, certificate), execution, execution.Dropped);
    }

    /// <summary>The id a transaction's contract gave the object it created.</summary>
    public static string CreatedId(CommitOutcome outcome) => ContractOutput.Parser.ParseFrom(outcome.Block!.Receipts.Single().Output).Id;

    /// <summary>An empty block (an anchor) that moves block time on.</summary>
    public CommitOutcome Tick() => Commit(Hub, "anchor.put", new Counter { Value = _nonce });

    public string ReportCase(string category = "road.damage") => CreatedId(Commit(Hub, "case.report", new ReportCaseRequest
    {
        Category = category,
        LocationRef = "grid:330402-017-05",
        DescriptionHash = ByteString.CopyFrom(new byte[32]),
        Severity = Severity.Medium,
    }));

    public CommitOutcome HandOver(string caseId, string department, TimeSpan? within = null) => Commit(Hub, "case.hand_over", new HandOverCaseRequest
    {
        CaseId = caseId,
        Department = department,
        DeadlineMs = NowMs + (long)(within ?? TimeSpan.FromDays(3)).TotalMilliseconds,
    });

    public CommitOutcome Accept(string caseId, KeyPair department) => Commit(department, "case.accept", new AcceptCaseRequest { CaseId = caseId });

    public CommitOutcome Handle(string caseId, KeyPair department) => Commit(department, "case.record_handling", new RecordHandlingRequest
    {
        CaseId = caseId,
        Result = "repaired",
        EvidenceHash = ByteString.CopyFrom(new byte[32]),
    });

    public CommitOutcome Award(Address resident, ulong amount, long expiresAtMs = 0) => Commit(Hub, "points.award", new AwardPointsRequest
    {
        Resident = ByteString.CopyFrom(resident.Bytes),
        Amount = amount,
        ReasonCode = "volunteer.cleanup",
        ExpiresAtMs = expiresAtMs,
    });

    /// <summary>Water requests a dataset of dev's; returns the grant id (status requested).</summary>
    public string RequestGrant()
    {
        var dataset = CreatedId(Commit(Hub, "data.register_dataset", new RegisterDatasetRequest
        {
            Name = "household register",
            Fields = { "household_id", "address" },
            Sensitivity = Sensitivity.Confidential,
        }));
        return CreatedId(Commit(Water, "data.request", new RequestAccessRequest
        {
            DatasetId = dataset,
            Fields = { "household_id" },
            Purpose = "verify residence",
            LegalBasis = "regulation 12/2024",
            DurationMs = (long)TimeSpan.FromDays(30).TotalMilliseconds,
        }));
    }

    public CommitOutcome ApproveGrant(string grantId, TimeSpan duration) => Commit(Hub, "data.approve", new ApproveAccessRequest
    {
        GrantId = grantId,
        DurationMs = (long)duration.TotalMilliseconds,
    });
}
