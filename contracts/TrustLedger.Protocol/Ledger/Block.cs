using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;

namespace TrustLedger.Protocol.Ledger;

/// <summary>
/// A committed block: header, ordered transactions, their receipts (same order) and the BFT commit certificate
/// (precommits for the header hash at the header's height; see <see cref="BlockCertificate"/>).
/// </summary>
public sealed class Block
{
    public Block(BlockHeader header, IReadOnlyList<SignedTransaction> transactions, IReadOnlyList<Receipt> receipts, CommitCertificate commit)
    {
        if (transactions.Count != receipts.Count)
            throw new ArgumentException("every transaction needs exactly one receipt");
        if (header.TxCount != transactions.Count)
            throw new ArgumentException($"header says {header.TxCount} transactions, block has {transactions.Count}");
        if (commit.Height != header.Height)
            throw new ArgumentException($"commit certificate is for height {commit.Height}, header for {header.Height}");
        Header = header;
        Transactions = transactions;
        Receipts = receipts;
        Commit = commit;
    }

    public BlockHeader Header { get; }
    public IReadOnlyList<SignedTransaction> Transactions { get; }
    public IReadOnlyList<Receipt> Receipts { get; }

    /// <summary>The certificate that decided the block; its value id is the header hash.</summary>
    public CommitCertificate Commit { get; }

    public ulong Height => Header.Height;

    public static ReadOnlySpan<byte> Tag => "TL/block/v2"u8;

    /// <summary><c>"TL/block/v2" ‖ header ‖ u32(n) ‖ n transactions ‖ n receipts ‖ commit certificate</c>.</summary>
    public byte[] Encode()
    {
        var w = new CanonicalWriter(512 + Transactions.Count * 320);
        w.Raw(Tag);
        Header.Write(w);
        w.U32((uint)Transactions.Count);
        foreach (var tx in Transactions) tx.Write(w);
        foreach (var receipt in Receipts) receipt.Write(w);
        Commit.Write(w);
        return w.ToArray();
    }

    public static Block Decode(ReadOnlySpan<byte> bytes, ICryptoSuite suite)
    {
        var r = new CanonicalReader(bytes);
        if (!r.Raw(Tag.Length).SequenceEqual(Tag))
            throw new FormatException("not a TrustLedger v2 block");
        var header = BlockHeader.Read(ref r);
        var count = (int)r.Count(minBytesPerItem: 40);
        if (header.TxCount != count)
            throw new FormatException($"header says {header.TxCount} transactions, block has {count}");
        var txs = new SignedTransaction[count];
        for (var i = 0; i < count; i++) txs[i] = SignedTransaction.Read(ref r, suite);
        var receipts = new Receipt[count];
        for (var i = 0; i < count; i++) receipts[i] = Receipt.Read(ref r);
        var commit = CommitCertificate.Read(ref r);
        if (commit.Height != header.Height)
            throw new FormatException($"commit certificate is for height {commit.Height}, header for {header.Height}");
        r.ExpectEnd();
        return new Block(header, txs, receipts, commit);
    }
}
