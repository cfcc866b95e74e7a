using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Ledger;

/// <summary>A committed block: header, ordered transactions, their receipts (same order) and the commit certificate.</summary>
public sealed class Block
{
    public Block(BlockHeader header, IReadOnlyList<SignedTransaction> transactions, IReadOnlyList<Receipt> receipts, IReadOnlyList<CommitSignature> commit)
    {
        if (transactions.Count != receipts.Count)
            throw new ArgumentException("every transaction needs exactly one receipt");
        if (header.TxCount != transactions.Count)
            throw new ArgumentException($"header says {header.TxCount} transactions, block has {transactions.Count}");
        Header = header;
        Transactions = transactions;
        Receipts = receipts;
        Commit = commit;
    }

    public BlockHeader Header { get; }
    public IReadOnlyList<SignedTransaction> Transactions { get; }
    public IReadOnlyList<Receipt> Receipts { get; }
    public IReadOnlyList<CommitSignature> Commit { get; }
    public ulong Height => Header.Height;

    public static ReadOnlySpan<byte> Tag => "TL/block/v1"u8;

    public byte[] Encode()
    {
        var w = new CanonicalWriter(512 + Transactions.Count * 320);
        w.Raw(Tag);
        Header.Write(w);
        w.U32((uint)Transactions.Count);
        foreach (var tx in Transactions) tx.Write(w);
        foreach (var receipt in Receipts) receipt.Write(w);
        w.U32((uint)Commit.Count);
        foreach (var sig in Commit) sig.Write(w);
        return w.ToArray();
    }

    public static Block Decode(ReadOnlySpan<byte> bytes, ICryptoSuite suite)
    {
        var r = new CanonicalReader(bytes);
        if (!r.Raw(Tag.Length).SequenceEqual(Tag))
            throw new FormatException("not a TrustLedger v1 block");
        var header = BlockHeader.Read(ref r);
        var count = (int)r.Count(minBytesPerItem: 40);
        if (header.TxCount != count)
            throw new FormatException($"header says {header.TxCount} transactions, block has {count}");
        var txs = new SignedTransaction[count];
        for (var i = 0; i < count; i++) txs[i] = SignedTransaction.Read(ref r, suite);
        var receipts = new Receipt[count];
        for (var i = 0; i < count; i++) receipts[i] = Receipt.Read(ref r);
        var sigCount = (int)r.Count(minBytesPerItem: Address.Length + 4);
        var commit = new CommitSignature[sigCount];
        for (var i = 0; i < sigCount; i++) commit[i] = CommitSignature.Read(ref r);
        r.ExpectEnd();
        return new Block(header, txs, receipts, commit);
    }
}
