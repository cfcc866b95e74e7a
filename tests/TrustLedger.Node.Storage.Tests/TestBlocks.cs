using System.Buffers.Binary;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Storage.Tests;

/// <summary>
/// Deterministic chain of valid blocks: transactions signed by fixed keys (RFC 6979 signatures, so every run and
/// every process builds the same bytes), one receipt each, hash-linked headers and a validator commit.
/// With <c>sign: false</c> signatures are filler bytes — storage does not verify them, and benchmarks need volume.
/// </summary>
internal sealed class TestBlocks
{
    public const string ChainId = "tl-storage-test";
    private readonly List<Block> _blocks = [];
    private readonly KeyPair[] _senders;
    private readonly KeyPair _validator;
    private readonly int _txsPerBlock;
    private readonly int _payloadBytes;
    private readonly bool _sign;
    private ulong _logSize;

    public TestBlocks(ICryptoSuite? suite = null, int txsPerBlock = 3, int payloadBytes = 24, bool sign = true)
    {
        Suite = suite ?? CryptoSuites.Eth;
        _txsPerBlock = txsPerBlock;
        _payloadBytes = payloadBytes;
        _sign = sign;
        _senders = [.. Enumerable.Range(1, 4).Select(Key)];
        _validator = Key(99);
    }

    public ICryptoSuite Suite { get; }
    public IReadOnlyList<Block> Blocks => _blocks;

    /// <summary>Block at <paramref name="height"/>, building the chain up to it if needed.</summary>
    public Block this[ulong height]
    {
        get
        {
            while ((ulong)_blocks.Count < height) Next();
            return _blocks[(int)height - 1];
        }
    }

    /// <summary>Builds the next <paramref name="count"/> blocks and returns them.</summary>
    public IReadOnlyList<Block> Take(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];

    /// <summary>Builds the next block: its own fresh transactions, plus <paramref name="extra"/> ones (e.g. replays) at the end.</summary>
    public Block Next(IEnumerable<SignedTransaction>? extra = null)
    {
        var height = (ulong)_blocks.Count + 1;
        var txs = Enumerable.Range(0, _txsPerBlock).Select(i => Tx(height, i)).Concat(extra ?? []).ToArray();
        var previous = _blocks.Count == 0 ? Hash32.Zero : _blocks[^1].Header.ComputeHash(Suite.Hash);
        _logSize += (ulong)txs.Length;
        var header = new BlockHeader(ChainId, height, previous, 1_700_000_000_000 + (long)height * 1000, (uint)txs.Length,
            _logSize, Filler("log", height), Filler("state", height), Filler("receipts", height), Filler("validators", 0),
            _validator.Address);
        var receipts = txs.Select(tx => Receipt.Ok(tx.Id)).ToArray();
        var block = new Block(header, txs, receipts, BlockCertificate.Sign(Suite, header, round: 0, [_validator]));
        _blocks.Add(block);
        return block;
    }

    /// <summary>The deterministic transaction number <paramref name="index"/> of block <paramref name="height"/>.</summary>
    public SignedTransaction Tx(ulong height, int index)
    {
        var sender = _senders[index % _senders.Length];
        var payload = new byte[_payloadBytes];
        BinaryPrimitives.WriteUInt64BigEndian(payload, height);
        if (payload.Length >= 12) BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(8), index);
        var body = new Transaction(ChainId, sender.PublicKey, "test.note", payload, height * 1_000_000 + (ulong)index, 0, long.MaxValue);
        if (_sign) return SignedTransaction.Sign(body, sender, Suite);
        var signature = new byte[64];
        Suite.Hash.Hash(body.SigningBytes()).CopyTo(signature);
        return SignedTransaction.Create(body, signature, Suite);
    }

    private KeyPair Key(int seed)
    {
        var scalar = new byte[32];
        BinaryPrimitives.WriteInt32BigEndian(scalar.AsSpan(28), seed * 7919);
        return Suite.FromPrivateKey(scalar);
    }

    private Hash32 Filler(string label, ulong height)
    {
        var bytes = new byte[label.Length + 8];
        System.Text.Encoding.ASCII.GetBytes(label, bytes);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(label.Length), height);
        return Suite.Hash.Hash(bytes);
    }
}
