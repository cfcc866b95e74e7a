using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Consensus;

/// <summary>
/// What validators vote on: a candidate block's header and transactions, without receipts (every validator
/// re-executes and the header's receipts root binds them) and without a certificate (it does not exist yet).
/// Its id is the header hash, so a vote for the id is a vote for exactly these transactions and roots.
/// </summary>
public sealed record BlockValue(BlockHeader Header, IReadOnlyList<SignedTransaction> Transactions)
{
    public static ReadOnlySpan<byte> Tag => "TL/value/v1"u8;

    public byte[] Encode()
    {
        var w = new CanonicalWriter(512 + Transactions.Sum(t => t.EncodedSize + 8));
        w.Raw(Tag);
        Header.Write(w);
        w.U32((uint)Transactions.Count);
        foreach (var tx in Transactions) tx.Write(w);
        return w.ToArray();
    }

    /// <summary>Decodes a value; throws <see cref="FormatException"/> on malformed bytes.</summary>
    public static BlockValue Decode(ReadOnlySpan<byte> bytes, ICryptoSuite suite)
    {
        var r = new CanonicalReader(bytes);
        var header = ReadHeader(ref r);
        var count = (int)r.Count(minBytesPerItem: 40);
        if (header.TxCount != count) throw new FormatException($"header says {header.TxCount} transactions, value has {count}");
        var txs = new SignedTransaction[count];
        for (var i = 0; i < count; i++) txs[i] = SignedTransaction.Read(ref r, suite);
        r.ExpectEnd();
        return new BlockValue(header, txs);
    }

    /// <summary>The value's id (its header hash) from the leading header alone; false when the bytes do not start with one.</summary>
    public static bool TryGetId(ReadOnlySpan<byte> bytes, IHashFunction hash, out Hash32 id)
    {
        try
        {
            var r = new CanonicalReader(bytes);
            id = ReadHeader(ref r).ComputeHash(hash);
            return true;
        }
        catch (FormatException)
        {
            id = default;
            return false;
        }
    }

    private static BlockHeader ReadHeader(ref CanonicalReader r)
    {
        if (!r.Raw(Tag.Length).SequenceEqual(Tag)) throw new FormatException("not a TrustLedger v1 block value");
        return BlockHeader.Read(ref r);
    }
}
