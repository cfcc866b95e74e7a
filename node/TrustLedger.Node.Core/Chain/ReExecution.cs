using TrustLedger.Node.Core.Execution;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Chain;

/// <summary>
/// The check shared by restart replay and block sync: a committed block must sit on the head and re-executing
/// its transactions must include every one of them with exactly the receipts it records. Changes nothing.
/// </summary>
internal static class ReExecution
{
    /// <summary>Null with the execution result when the block reproduces, else the reason it does not.</summary>
    public static string? Problem(LedgerState ledger, BlockExecutor executor, Block block, out ExecutionResult execution)
    {
        execution = null!;
        var header = block.Header;
        if (header.Height != ledger.Height + 1) return $"expected height {ledger.Height + 1}";
        if (header.PreviousHash != ledger.HeadHash) return "previous hash is not the hash of the head";
        execution = executor.Execute(ledger.State, block.Transactions, header.Height, header.TimeMs);
        if (execution.Dropped.Count > 0)
            return $"transaction {execution.Dropped[0].TxId} is invalid: {execution.Dropped[0].Reason}";
        for (var i = 0; i < execution.Receipts.Count; i++)
            if (!execution.Receipts[i].Equals(block.Receipts[i]))
                return $"receipt {i} differs from re-execution";
        return null;
    }
}
