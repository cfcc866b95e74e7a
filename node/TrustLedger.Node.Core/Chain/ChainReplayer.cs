using TrustLedger.Node.Core.Execution;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Chain;

/// <summary>
/// Re-executes committed blocks on a <see cref="LedgerState"/> and checks every root in each header:
/// how a node rebuilds its state on start, and how an auditor checks invariant 5 (same code, same roots).
/// </summary>
public sealed class ChainReplayer(LedgerState ledger, BlockExecutor executor)
{
    public LedgerState Ledger { get; } = ledger;

    /// <summary>Applies <paramref name="block"/> on top of the ledger's head; throws <see cref="ReplayMismatchException"/> on any difference.</summary>
    public void Replay(Block block)
    {
        var expected = block.Header;
        if (expected.Height != Ledger.Height + 1)
            throw new ReplayMismatchException(expected.Height, $"expected height {Ledger.Height + 1}");
        if (expected.PreviousHash != Ledger.HeadHash)
            throw new ReplayMismatchException(expected.Height, "previous hash is not the hash of the head");
        var result = executor.Execute(Ledger.State, block.Transactions, expected.Height, expected.TimeMs);
        if (result.Dropped.Count > 0)
            throw new ReplayMismatchException(expected.Height, $"transaction {result.Dropped[0].TxId} is invalid: {result.Dropped[0].Reason}");
        for (var i = 0; i < result.Receipts.Count; i++)
            if (!result.Receipts[i].Equals(block.Receipts[i]))
                throw new ReplayMismatchException(expected.Height, $"receipt {i} differs");
        var actual = Ledger.Apply(result, expected.TimeMs, expected.Proposer);
        if (actual.StateRoot != expected.StateRoot) throw new ReplayMismatchException(expected.Height, $"state root {actual.StateRoot} ≠ {expected.StateRoot}");
        if (actual.LogRoot != expected.LogRoot || actual.LogSize != expected.LogSize) throw new ReplayMismatchException(expected.Height, "transaction log root differs");
        if (actual != expected) throw new ReplayMismatchException(expected.Height, "header fields differ");
        Ledger.SetHead(expected);
    }
}
