using System.Security.Cryptography;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Records;

/// <summary>
/// An owner organisation's signed instruction to its node to delete a record and commit a purge receipt.
/// Signed bytes: <c>"TL/record-purge/v1" ‖ string(chain id) ‖ string(dataset id) ‖ string(record key) ‖ string(reason) ‖
/// bytes(signer public key) ‖ i64(timestamp ms) ‖ bytes(nonce)</c>, canonical encoding, network suite.
/// </summary>
public sealed record RecordPurgeRequest(
    string ChainId,
    string DatasetId,
    string RecordKey,
    string Reason,
    byte[] SignerPublicKey,
    long TimestampMs,
    byte[] Nonce,
    byte[] Signature)
{
    public static ReadOnlySpan<byte> SigningTag => "TL/record-purge/v1"u8;
    public const int MaxReasonLength = 1024;

    public byte[] SigningBytes() => new CanonicalWriter(256 + RecordKey.Length + Reason.Length)
        .Raw(SigningTag)
        .String(ChainId)
        .String(DatasetId)
        .String(RecordKey)
        .String(Reason)
        .Bytes(SignerPublicKey)
        .I64(TimestampMs)
        .Bytes(Nonce)
        .ToArray();

    public Hash32 Id(IHashFunction hash) => hash.Hash(SigningBytes());

    public bool VerifySignature(ICryptoSuite suite) => suite.Verify(SignerPublicKey, SigningBytes(), Signature);

    /// <summary>Null when every field is well formed for <paramref name="suite"/> (the signature is not checked), else why not.</summary>
    public string? CheckShape(ICryptoSuite suite)
    {
        if (!RecordIds.IsCanonicalId(DatasetId)) return "dataset_id must be 64 lower-case hex digits";
        if (RecordIds.CheckRecordKey(RecordKey) is { } badKey) return badKey;
        if (Reason.Length > MaxReasonLength) return $"reason is longer than {MaxReasonLength} characters";
        if (!suite.IsValidPublicKey(SignerPublicKey)) return $"signer_public_key is not a valid {suite.Name} public key";
        if (Nonce.Length != RecordFetchRequest.NonceLength) return $"nonce must be {RecordFetchRequest.NonceLength} bytes";
        if (Signature.Length != 64) return "signature must be 64 bytes";
        return null;
    }

    public static RecordPurgeRequest Sign(ICryptoSuite suite, KeyPair signer, string chainId, string datasetId, string recordKey,
        string reason, long timestampMs, byte[]? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(signer);
        var unsigned = new RecordPurgeRequest(chainId, datasetId, recordKey, reason, signer.PublicKey, timestampMs,
            nonce ?? RandomNumberGenerator.GetBytes(RecordFetchRequest.NonceLength), []);
        return unsigned with { Signature = suite.Sign(signer, unsigned.SigningBytes()) };
    }
}
