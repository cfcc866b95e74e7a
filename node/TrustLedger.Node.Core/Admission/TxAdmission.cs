using TrustLedger.Contracts.Abstractions;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Mempool;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Admission;

/// <summary>
/// The gate in front of the mempool. Thread-safe, and meant to run on many threads at once: signature
/// verification dominates the cost of a transaction, so batches are verified in parallel.
/// Refuses with the same codes and reasons block validation would, plus the node's own limits.
/// </summary>
public sealed class TxAdmission(
    LedgerState ledger, BlockExecutor executor, MemberDirectory members, CommittedNonces nonces, TxPool pool, TimeProvider time)
{
    private readonly ChainConfig chain = ledger.Chain;
    private readonly ContractRegistry contracts = executor.Contracts;

    public AdmissionResult Admit(SignedTransaction tx)
    {
        var rejection = Check(tx, out var alreadyCommitted);
        if (rejection is not null) return new AdmissionResult(tx, rejection);
        if (alreadyCommitted) return new AdmissionResult(tx, null, AlreadyKnown: true);
        var (outcome, refusal) = pool.TryAdd(tx);
        return new AdmissionResult(tx, refusal, AlreadyKnown: outcome == TxPool.AddOutcome.Duplicate);
    }

    /// <summary>Admits a batch: checks (with signatures) run in parallel, mempool insertion keeps the batch order.</summary>
    public AdmissionResult[] AdmitBatch(IReadOnlyList<SignedTransaction> txs)
    {
        var rejections = new TxRejection?[txs.Count];
        var committed = new bool[txs.Count];
        Parallel.For(0, txs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => rejections[i] = Check(txs[i], out committed[i]));
        var results = new AdmissionResult[txs.Count];
        for (var i = 0; i < txs.Count; i++)
        {
            if (rejections[i] is { } r) results[i] = new AdmissionResult(txs[i], r);
            else if (committed[i]) results[i] = new AdmissionResult(txs[i], null, AlreadyKnown: true);
            else
            {
                var (outcome, refusal) = pool.TryAdd(txs[i]);
                results[i] = new AdmissionResult(txs[i], refusal, AlreadyKnown: outcome == TxPool.AddOutcome.Duplicate);
            }
        }
        return results;
    }

    private TxRejection? Check(SignedTransaction tx, out bool alreadyCommitted)
    {
        alreadyCommitted = false;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var refusal = EnvelopeRules.CheckShape(tx, chain)
            ?? CheckContract(tx)
            ?? EnvelopeRules.CheckSignature(tx, chain)
            ?? EnvelopeRules.CheckWindow(tx, now);
        if (refusal is not null) return refusal;
        var organisation = members.OrganisationOf(tx.Sender);
        if (organisation is null)
            return new TxRejection(tx.Id, ErrorCode.PermissionDenied, $"sender {tx.Sender} is not a key of any organisation in this network");
        if (nonces.TryGet(tx.Sender, tx.Body.Nonce, out var committedId))
        {
            if (committedId == tx.Id)
            {
                alreadyCommitted = true;
                return null;
            }
            return new TxRejection(tx.Id, ErrorCode.AlreadyExists, $"nonce {tx.Body.Nonce} of sender {tx.Sender} was already used by committed transaction {committedId} (replay)");
        }
        var dryRun = ledger.ReadState(state => executor.DryRun(state, tx, organisation, ledger.Height + 1, Math.Max(now, ledger.HeadTimeMs + 1)));
        return dryRun.Success ? null : new TxRejection(tx.Id, dryRun.Code, dryRun.Message);
    }

    private TxRejection? CheckContract(SignedTransaction tx) =>
        contracts.Find(tx.Body.Type) is null
            ? new TxRejection(tx.Id, ErrorCode.InvalidArgument, $"no contract handles transaction type '{tx.Body.Type}' (known prefixes: {string.Join(", ", contracts.Prefixes)})")
            : null;
}
