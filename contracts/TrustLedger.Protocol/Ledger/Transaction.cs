using TrustLedger.Protocol.Encoding;

namespace TrustLedger.Protocol.Ledger;

/// <summary>
/// The unsigned transaction envelope. <see cref="Nonce"/> is chosen by the sender and may be used once per
/// sender; the validity window is in block-time Unix milliseconds, inclusive on both ends.
/// </summary>
public sealed record Transaction(
    string ChainId,
    byte[] SenderPublicKey,
    string Type,
    byte[] Payload,
    ulong Nonce,
    long NotBeforeMs,
    long NotAfterMs)
{
    /// <summary>Domain tag in front of every transaction's signed bytes; bump the version for a new layout.</summary>
    public static ReadOnlySpan<byte> SigningTag => "TL/tx/v1"u8;

    /// <summary>The exact bytes the sender signs and whose hash is the transaction id.</summary>
    public byte[] SigningBytes()
    {
        var w = new CanonicalWriter(64 + SenderPublicKey.Length + Payload.Length + Type.Length + ChainId.Length);
        WriteSigningBytes(w);
        return w.ToArray();
    }

    internal void WriteSigningBytes(CanonicalWriter w) =>
        w.Raw(SigningTag)
         .String(ChainId)
         .Bytes(SenderPublicKey)
         .String(Type)
         .Bytes(Payload)
         .U64(Nonce)
         .I64(NotBeforeMs)
         .I64(NotAfterMs);

    internal static Transaction ReadSigningBytes(ref CanonicalReader r)
    {
        if (!r.Raw(SigningTag.Length).SequenceEqual(SigningTag))
            throw new FormatException("not a TrustLedger v1 transaction");
        return new Transaction(r.String(), r.Bytes(), r.String(), r.Bytes(), r.U64(), r.I64(), r.I64());
    }

    // Records compare arrays by reference; transactions are compared by id instead (see SignedTransaction).
    public bool Equals(Transaction? other) => other is not null && SigningBytes().AsSpan().SequenceEqual(other.SigningBytes());
    public override int GetHashCode() => HashCode.Combine(ChainId, Type, Nonce, NotBeforeMs, NotAfterMs);
}
