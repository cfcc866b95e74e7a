using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Records;

/// <summary>
/// What the envelope carries: <c>"TL/sealed-record/v1" ‖ bytes(record key salt) ‖ bytes(content salt) ‖
/// access tx id (32) ‖ bytes(content)</c>. The salts let the requester recompute the two hashes of the committed
/// access receipt <see cref="AccessTxId"/>; the content is the record projected to the granted fields (UTF-8 JSON).
/// </summary>
public sealed record SealedRecord(byte[] KeySalt, byte[] ContentSalt, Hash32 AccessTxId, byte[] Content)
{
    public static ReadOnlySpan<byte> Tag => "TL/sealed-record/v1"u8;

    public byte[] Encode() => new CanonicalWriter(128 + Content.Length)
        .Raw(Tag)
        .Bytes(KeySalt)
        .Bytes(ContentSalt)
        .Hash(AccessTxId)
        .Bytes(Content)
        .ToArray();

    /// <exception cref="FormatException">Not a v1 sealed record, salts of the wrong length, or trailing bytes.</exception>
    public static SealedRecord Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new CanonicalReader(bytes);
        if (r.Remaining < Tag.Length || !r.Raw(Tag.Length).SequenceEqual(Tag)) throw new FormatException("not a v1 sealed record");
        var keySalt = r.Bytes();
        var contentSalt = r.Bytes();
        if (keySalt.Length != RecordHashes.SaltLength || contentSalt.Length != RecordHashes.SaltLength)
            throw new FormatException($"sealed record salts must be {RecordHashes.SaltLength} bytes");
        var txId = r.Hash();
        var content = r.Bytes();
        r.ExpectEnd();
        return new SealedRecord(keySalt, contentSalt, txId, content);
    }
}
