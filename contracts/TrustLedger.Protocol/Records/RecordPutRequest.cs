using System.Security.Cryptography;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Records;

/// <summary>
/// An owner organisation's signed instruction to its node to store (or replace) one JSON record in its record store.
/// Nothing goes on-chain for a put. Signed bytes: <c>"TL/record-put/v1" ‖ string(chain id) ‖ string(dataset id) ‖
/// string(record key) ‖ bytes(record JSON) ‖ bytes(signer public key) ‖ i64(timestamp ms) ‖ bytes(nonce)</c>,
/// canonical encoding, network suite.
/// </summary>
public sealed record RecordPutRequest(
    string ChainId,
    string DatasetId,
    string RecordKey,
    byte[] RecordJson,
    byte[] SignerPublicKey,
    long TimestampMs,
    byte[] Nonce,
    byte[] Signature)
{
    public static ReadOnlySpan<byte> SigningTag => "TL/record-put/v1"u8;

    /// <summary>Largest record a put carries (UTF-8 JSON bytes); it must fit one gRPC message.</summary>
    public const int MaxRecordLength = 1024 * 1024;

    public byte[] SigningBytes() => new CanonicalWriter(256 + RecordKey.Length + RecordJson.Length)
        .Raw(SigningTag)
        .String(ChainId)
        .String(DatasetId)
        .String(RecordKey)
        .Bytes(RecordJson)
        .Bytes(SignerPublicKey)
        .I64(TimestampMs)
        .Bytes(Nonce)
        .ToArray();

    public Hash32 Id(IHashFunction hash) => hash.Hash(SigningBytes());

    public bool VerifySignature(ICryptoSuite suite) => suite.Verify(SignerPublicKey, SigningBytes(), Signature);

    /// <summary>
    /// Null when every field is well formed for <paramref name="suite"/> (the signature is not checked and the record is
    /// not parsed: that it is a JSON object is the node's check), else why not.
    /// </summary>
    public string? CheckShape(ICryptoSuite suite)
    {
        if (!RecordIds.IsCanonicalId(DatasetId)) return "dataset_id must be 64 lower-case hex digits";
        if (RecordIds.CheckRecordKey(RecordKey) is { } badKey) return badKey;
        if (RecordJson.Length == 0) return "record_json is empty";
        if (RecordJson.Length > MaxRecordLength) return $"record_json is longer than {MaxRecordLength} bytes";
        if (!suite.IsValidPublicKey(SignerPublicKey)) return $"signer_public_key is not a valid {suite.Name} public key";
        if (Nonce.Length != RecordFetchRequest.NonceLength) return $"nonce must be {RecordFetchRequest.NonceLength} bytes";
        if (Signature.Length != 64) return "signature must be 64 bytes";
        return null;
    }

    public static RecordPutRequest Sign(ICryptoSuite suite, KeyPair signer, string chainId, string datasetId, string recordKey,
        byte[] recordJson, long timestampMs, byte[]? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(recordJson);
        var unsigned = new RecordPutRequest(chainId, datasetId, recordKey, recordJson, signer.PublicKey, timestampMs,
            nonce ?? RandomNumberGenerator.GetBytes(RecordFetchRequest.NonceLength), []);
        return unsigned with { Signature = suite.Sign(signer, unsigned.SigningBytes()) };
    }
}
