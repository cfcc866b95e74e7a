using Google.Protobuf;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;
using WireV1 = TrustLedger.Proto.Wire.V1;

namespace TrustLedger.Proto.Mapping;

/// <summary>
/// Domain ↔ wire conversions. Decoding untrusted wire messages throws <see cref="FormatException"/>
/// with the offending field, which the node reports as INVALID_ARGUMENT.
/// </summary>
public static class WireMapping
{
    public static WireV1.Transaction ToWire(this SignedTransaction tx) => new()
    {
        ChainId = tx.Body.ChainId,
        SenderPublicKey = ByteString.CopyFrom(tx.Body.SenderPublicKey),
        Type = tx.Body.Type,
        Payload = ByteString.CopyFrom(tx.Body.Payload),
        Nonce = tx.Body.Nonce,
        NotBeforeMs = tx.Body.NotBeforeMs,
        NotAfterMs = tx.Body.NotAfterMs,
        Signature = ByteString.CopyFrom(tx.Signature),
    };

    public static SignedTransaction ToDomain(this WireV1.Transaction tx, ICryptoSuite suite)
    {
        if (tx.SenderPublicKey.Length != 65)
            throw new FormatException($"sender_public_key must be a 65-byte uncompressed point, got {tx.SenderPublicKey.Length} bytes");
        var body = new Transaction(tx.ChainId, tx.SenderPublicKey.ToByteArray(), tx.Type, tx.Payload.ToByteArray(),
            tx.Nonce, tx.NotBeforeMs, tx.NotAfterMs);
        return SignedTransaction.Create(body, tx.Signature.ToByteArray(), suite);
    }

    public static WireV1.BlockHeader ToWire(this BlockHeader h, IHashFunction hash) => new()
    {
        ChainId = h.ChainId,
        Height = h.Height,
        PreviousHash = h.PreviousHash.ToByteString(),
        TimeMs = h.TimeMs,
        TxCount = h.TxCount,
        LogSize = h.LogSize,
        LogRoot = h.LogRoot.ToByteString(),
        StateRoot = h.StateRoot.ToByteString(),
        ReceiptsRoot = h.ReceiptsRoot.ToByteString(),
        ValidatorSetHash = h.ValidatorSetHash.ToByteString(),
        Proposer = ByteString.CopyFrom(h.Proposer.Bytes),
        Hash = h.ComputeHash(hash).ToByteString(),
    };

    public static BlockHeader ToDomain(this WireV1.BlockHeader h) => new(
        h.ChainId, h.Height, ToHash(h.PreviousHash, "previous_hash"), h.TimeMs, h.TxCount, h.LogSize,
        ToHash(h.LogRoot, "log_root"), ToHash(h.StateRoot, "state_root"), ToHash(h.ReceiptsRoot, "receipts_root"),
        ToHash(h.ValidatorSetHash, "validator_set_hash"), ToAddress(h.Proposer, "proposer"));

    public static WireV1.Receipt ToWire(this Receipt r) => new()
    {
        TxId = r.TxId.ToByteString(),
        Code = (int)r.Code,
        Message = r.Message,
        Output = ByteString.CopyFrom(r.Output),
    };

    public static Receipt ToDomain(this WireV1.Receipt r) =>
        new(ToHash(r.TxId, "tx_id"), (ErrorCode)r.Code, r.Message, r.Output.ToByteArray());

    /// <summary>The certificate's round and precommits; height and value id are the header's.</summary>
    public static WireV1.CommitCertificate ToWire(this CommitCertificate c)
    {
        var wire = new WireV1.CommitCertificate { Round = (uint)c.Round };
        wire.Precommits.AddRange(c.Precommits.Select(p => new WireV1.Precommit
        {
            Validator = ByteString.CopyFrom(p.Validator.Bytes),
            Signature = ByteString.CopyFrom(p.Signature),
        }));
        return wire;
    }

    /// <summary>
    /// The certificate of <paramref name="header"/>: its height, and its hash as value id (so a certificate
    /// verifies only for the header it travels with).
    /// </summary>
    public static CommitCertificate ToDomain(this WireV1.CommitCertificate? c, BlockHeader header, IHashFunction hash)
    {
        if (c is null) throw new FormatException("commit certificate is missing");
        if (c.Round > ConsensusLimits.MaxRound) throw new FormatException($"commit round {c.Round} out of range");
        return new CommitCertificate(header.Height, (int)c.Round, header.ComputeHash(hash),
            c.Precommits.Select(p => new PrecommitSignature(ToAddress(p.Validator, "precommit validator"), p.Signature.ToByteArray())).ToArray());
    }

    public static WireV1.Block ToWire(this Block b, IHashFunction hash)
    {
        var block = new WireV1.Block { Header = b.Header.ToWire(hash) };
        block.Transactions.AddRange(b.Transactions.Select(t => t.ToWire()));
        block.Receipts.AddRange(b.Receipts.Select(r => r.ToWire()));
        block.Commit = b.Commit.ToWire();
        return block;
    }

    public static Block ToDomain(this WireV1.Block b, ICryptoSuite suite)
    {
        var header = b.Header?.ToDomain() ?? throw new FormatException("block has no header");
        return new Block(header, b.Transactions.Select(t => t.ToDomain(suite)).ToArray(), b.Receipts.Select(r => r.ToDomain()).ToArray(),
            b.Commit.ToDomain(header, suite.Hash));
    }

    public static ByteString ToByteString(this Hash32 hash) => ByteString.CopyFrom(hash.ToArray());

    public static Hash32 ToHash(ByteString bytes, string field) =>
        bytes.Length == Hash32.Length ? new Hash32(bytes.Span) : throw new FormatException($"{field} must be {Hash32.Length} bytes, got {bytes.Length}");

    public static Address ToAddress(ByteString bytes, string field) =>
        bytes.Length == Address.Length ? new Address(bytes.Span) : throw new FormatException($"{field} must be {Address.Length} bytes, got {bytes.Length}");
}
