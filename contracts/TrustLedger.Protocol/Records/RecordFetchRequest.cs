using System.Security.Cryptography;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Records;

/// <summary>
/// A requester's signed ask for one record under a grant, sent to the owner's node. Signed bytes:
/// <c>"TL/record-fetch/v1" ‖ string(chain id) ‖ string(grant id) ‖ string(dataset id) ‖ string(record key) ‖
/// bytes(requester public key) ‖ i64(timestamp ms) ‖ bytes(nonce)</c> in the canonical encoding, signed with the
/// network's suite. The record is encrypted to the same public key, so only the signer can read it.
/// Compare requests by <see cref="Id"/>: the record's array members compare by reference.
/// </summary>
public sealed record RecordFetchRequest(
    string ChainId,
    string GrantId,
    string DatasetId,
    string RecordKey,
    byte[] RequesterPublicKey,
    long TimestampMs,
    byte[] Nonce,
    byte[] Signature)
{
    public static ReadOnlySpan<byte> SigningTag => "TL/record-fetch/v1"u8;
    public static ReadOnlySpan<byte> EnvelopeTag => "TL/record-envelope/v1"u8;
    public const int NonceLength = 16;

    public byte[] SigningBytes() => new CanonicalWriter(256 + RecordKey.Length)
        .Raw(SigningTag)
        .String(ChainId)
        .String(GrantId)
        .String(DatasetId)
        .String(RecordKey)
        .Bytes(RequesterPublicKey)
        .I64(TimestampMs)
        .Bytes(Nonce)
        .ToArray();

    /// <summary>The request id: the suite hash of the signed bytes.</summary>
    public Hash32 Id(IHashFunction hash) => hash.Hash(SigningBytes());

    /// <summary>
    /// The envelope's associated data: <c>"TL/record-envelope/v1" ‖ string(chain id) ‖ string(grant id) ‖ string(dataset id)
    /// ‖ string(record key) ‖ request id</c>. An envelope opens only as the answer to this very request.
    /// </summary>
    public byte[] EnvelopeContext(IHashFunction hash) => new CanonicalWriter(256 + RecordKey.Length)
        .Raw(EnvelopeTag)
        .String(ChainId)
        .String(GrantId)
        .String(DatasetId)
        .String(RecordKey)
        .Hash(Id(hash))
        .ToArray();

    public bool VerifySignature(ICryptoSuite suite) => suite.Verify(RequesterPublicKey, SigningBytes(), Signature);

    /// <summary>Null when every field is well formed for <paramref name="suite"/> (the signature is not checked), else why not.</summary>
    public string? CheckShape(ICryptoSuite suite)
    {
        if (!RecordIds.IsCanonicalId(GrantId)) return "grant_id must be 64 lower-case hex digits";
        if (!RecordIds.IsCanonicalId(DatasetId)) return "dataset_id must be 64 lower-case hex digits";
        if (RecordIds.CheckRecordKey(RecordKey) is { } badKey) return badKey;
        if (!suite.IsValidPublicKey(RequesterPublicKey)) return $"requester_public_key is not a valid {suite.Name} public key";
        if (Nonce.Length != NonceLength) return $"nonce must be {NonceLength} bytes";
        if (Signature.Length != 64) return "signature must be 64 bytes";
        return null;
    }

    /// <summary>Builds and signs a request with a fresh random nonce (the SDK's path; tests pass a fixed nonce).</summary>
    public static RecordFetchRequest Sign(ICryptoSuite suite, KeyPair requester, string chainId, string grantId, string datasetId,
        string recordKey, long timestampMs, byte[]? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(requester);
        var unsigned = new RecordFetchRequest(chainId, grantId, datasetId, recordKey, requester.PublicKey, timestampMs,
            nonce ?? RandomNumberGenerator.GetBytes(NonceLength), []);
        return unsigned with { Signature = suite.Sign(requester, unsigned.SigningBytes()) };
    }
}
