using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Execution;

/// <summary>
/// The outcome of executing a candidate block: the transactions that go into it with one receipt each,
/// the ones dropped (envelope refused against state; they are not stored), and the buffered state writes.
/// </summary>
public sealed record ExecutionResult(
    IReadOnlyList<SignedTransaction> Included,
    IReadOnlyList<Receipt> Receipts,
    IReadOnlyList<TxRejection> Dropped,
    StateOverlay Writes);
