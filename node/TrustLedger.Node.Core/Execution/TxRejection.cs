using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Execution;

/// <summary>Why a transaction was refused before it reached a block. Nothing was stored for it.</summary>
public sealed record TxRejection(Hash32 TxId, ErrorCode Code, string Reason)
{
    public override string ToString() => $"{Code}: {Reason}";
}
