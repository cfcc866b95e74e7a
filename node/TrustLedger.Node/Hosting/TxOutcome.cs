using TrustLedger.Node.Core.Execution;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Hosting;

/// <summary>What became of a transaction: committed with a receipt at a position, or dropped with a reason.</summary>
public sealed record TxOutcome(Receipt? Receipt, ulong Height, int Index, Hash32 BlockHash, long BlockTimeMs, TxRejection? Rejection)
{
    public static TxOutcome Committed(Receipt receipt, ulong height, int index, Hash32 blockHash, long timeMs) =>
        new(receipt, height, index, blockHash, timeMs, null);

    public static TxOutcome Dropped(TxRejection rejection) => new(null, 0, 0, default, 0, rejection);
}
