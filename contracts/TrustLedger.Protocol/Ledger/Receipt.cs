using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Ledger;

/// <summary>
/// The result of executing one committed transaction: success, or the contract's refusal with a reason.
/// <see cref="Output"/> is contract-defined (for example the id of a created object).
/// </summary>
public sealed record Receipt(Hash32 TxId, ErrorCode Code, string Message, byte[] Output)
{
    public bool Success => Code == ErrorCode.None;

    public static Receipt Ok(Hash32 txId, byte[]? output = null) => new(txId, ErrorCode.None, "", output ?? []);
    public static Receipt Failed(Hash32 txId, ErrorCode code, string message) => new(txId, code, message, []);

    public void Write(CanonicalWriter w) => w.Hash(TxId).U32((uint)Code).String(Message).Bytes(Output);

    public static Receipt Read(ref CanonicalReader r) => new(r.Hash(), (ErrorCode)r.U32(), r.String(), r.Bytes());

    public byte[] Encode()
    {
        var w = new CanonicalWriter();
        Write(w);
        return w.ToArray();
    }

    public bool Equals(Receipt? other) => other is not null && Encode().AsSpan().SequenceEqual(other.Encode());
    public override int GetHashCode() => TxId.GetHashCode();
}
