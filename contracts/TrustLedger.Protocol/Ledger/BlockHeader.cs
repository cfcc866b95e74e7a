using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Ledger;

/// <summary>
/// What a block commits to. <see cref="LogSize"/> and <see cref="LogRoot"/> are the RFC 9162 Merkle log over every
/// transaction id since genesis after this block; the block's own transactions are leaves
/// [LogSize − TxCount, LogSize). The header hash excludes the commit certificate (its precommits sign it).
/// </summary>
public sealed record BlockHeader(
    string ChainId,
    ulong Height,
    Hash32 PreviousHash,
    long TimeMs,
    uint TxCount,
    ulong LogSize,
    Hash32 LogRoot,
    Hash32 StateRoot,
    Hash32 ReceiptsRoot,
    Hash32 ValidatorSetHash,
    Address Proposer)
{
    public static ReadOnlySpan<byte> Tag => "TL/header/v1"u8;

    public void Write(CanonicalWriter w) =>
        w.Raw(Tag).String(ChainId).U64(Height).Hash(PreviousHash).I64(TimeMs).U32(TxCount)
         .U64(LogSize).Hash(LogRoot).Hash(StateRoot).Hash(ReceiptsRoot).Hash(ValidatorSetHash).Address(Proposer);

    public static BlockHeader Read(ref CanonicalReader r)
    {
        if (!r.Raw(Tag.Length).SequenceEqual(Tag))
            throw new FormatException("not a TrustLedger v1 block header");
        return new BlockHeader(r.String(), r.U64(), r.Hash(), r.I64(), r.U32(), r.U64(), r.Hash(), r.Hash(), r.Hash(), r.Hash(), r.Address());
    }

    public byte[] Encode()
    {
        var w = new CanonicalWriter(256);
        Write(w);
        return w.ToArray();
    }

    public Hash32 ComputeHash(IHashFunction hash) => hash.Hash(Encode());
}
