using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Ledger;

/// <summary>A validator's signature over a block's header hash; ≥ 2f+1 of them make the commit certificate.</summary>
public sealed record CommitSignature(Address Validator, byte[] Signature)
{
    public static ReadOnlySpan<byte> Tag => "TL/commit/v1"u8;

    /// <summary>The bytes a validator signs to commit <paramref name="headerHash"/> on <paramref name="chainId"/>.</summary>
    public static byte[] SigningBytes(string chainId, ulong height, Hash32 headerHash) =>
        new CanonicalWriter(96).Raw(Tag).String(chainId).U64(height).Hash(headerHash).ToArray();

    public static CommitSignature Create(KeyPair validator, ICryptoSuite suite, BlockHeader header)
    {
        var bytes = SigningBytes(header.ChainId, header.Height, header.ComputeHash(suite.Hash));
        return new CommitSignature(validator.Address, suite.Sign(validator, bytes));
    }

    public void Write(CanonicalWriter w) => w.Address(Validator).Bytes(Signature);
    public static CommitSignature Read(ref CanonicalReader r) => new(r.Address(), r.Bytes());

    public bool Equals(CommitSignature? other) => other is not null && Validator == other.Validator && Signature.AsSpan().SequenceEqual(other.Signature);
    public override int GetHashCode() => Validator.GetHashCode();
}
