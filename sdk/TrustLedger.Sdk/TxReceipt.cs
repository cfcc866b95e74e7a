using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Sdk;

/// <summary>A committed transaction's receipt and where it sits. Returned only once its block is durable on the node.</summary>
public sealed record TxReceipt(Hash32 TxId, ErrorCode Code, string Message, byte[] Output, ulong Height, int Index, Hash32 BlockHash, DateTimeOffset BlockTime)
{
    public bool Success => Code == ErrorCode.None;

    public override string ToString() => Success
        ? $"{TxId} committed in block {Height} (#{Index})"
        : $"{TxId} committed in block {Height} but failed: {Code}: {Message}";
}
