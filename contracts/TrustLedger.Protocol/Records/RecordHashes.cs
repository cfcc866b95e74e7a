using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Records;

/// <summary>
/// The two hashes an access receipt puts on the ledger, with the suite hash H (Keccak-256 or SM3):
/// <list type="bullet">
/// <item>record key hash = <c>H("TL/record-key/v1" ‖ bytes(salt) ‖ string(dataset id) ‖ string(record key))</c>;</item>
/// <item>content hash = <c>H("TL/record-content/v1" ‖ bytes(salt) ‖ bytes(served content))</c>.</item>
/// </list>
/// Both are salted with 32 secret bytes the owner hands only to the requester (inside the envelope), because
/// record keys and narrow projections are guessable: an unsalted hash on a shared ledger would disclose them.
/// </summary>
public static class RecordHashes
{
    public const int SaltLength = 32;

    public static ReadOnlySpan<byte> KeyTag => "TL/record-key/v1"u8;
    public static ReadOnlySpan<byte> ContentTag => "TL/record-content/v1"u8;

    public static Hash32 RecordKeyHash(IHashFunction hash, ReadOnlySpan<byte> salt, string datasetId, string recordKey)
    {
        ArgumentNullException.ThrowIfNull(hash);
        CheckSalt(salt);
        return hash.Hash(new CanonicalWriter(128).Raw(KeyTag).Bytes(salt).String(datasetId).String(recordKey).WrittenSpan);
    }

    public static Hash32 ContentHash(IHashFunction hash, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(hash);
        CheckSalt(salt);
        return hash.Hash(new CanonicalWriter(64 + content.Length).Raw(ContentTag).Bytes(salt).Bytes(content).WrittenSpan);
    }

    private static void CheckSalt(ReadOnlySpan<byte> salt)
    {
        if (salt.Length != SaltLength) throw new ArgumentException($"a record salt is {SaltLength} bytes, got {salt.Length}", nameof(salt));
    }
}
