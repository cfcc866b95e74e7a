using System.Security.Cryptography;
using TrustLedger.Protocol.Encoding;

namespace TrustLedger.Node.Storage.Records;

/// <summary>
/// Seals records for storage on the owner's node (docs/records.md, "Records at rest"). A stored record is
/// <c>"TLRS" ‖ u8 version (1) ‖ u8 suite ‖ nonce (12) ‖ ciphertext ‖ tag (16)</c>, the plaintext
/// <c>string(record key) ‖ bytes(record JSON)</c>, the AEAD key derived from the node's data key, the nonce fresh for
/// every write, and the associated data the 6-byte header followed by
/// <c>"TL/record-at-rest/v1" ‖ string(chain id) ‖ string(dataset id) ‖ bytes(record name)</c>, so a stored record opens
/// only under the name of the record it was written for. The record name — the only thing a store sees of a record
/// key — is <c>HMAC(name secret, "TL/record-name/v1" ‖ string(chain id) ‖ string(dataset id) ‖ string(record key))</c>
/// with the node's record-exchange secret (<c>records.secret</c>). Thread-safe.
/// </summary>
public sealed class RecordCipher
{
    public const int NameLength = 32;
    public const int HeaderLength = 6;
    public const byte Version = 1;
    public const int Overhead = HeaderLength + AtRestSuite.NonceLength + AtRestSuite.TagLength;

    private static ReadOnlySpan<byte> Magic => "TLRS"u8;
    private static ReadOnlySpan<byte> KeyTag => "TL/record-at-rest/key/v1"u8;
    private static ReadOnlySpan<byte> NameTag => "TL/record-name/v1"u8;
    private static ReadOnlySpan<byte> DataTag => "TL/record-at-rest/v1"u8;

    private readonly string _chainId;
    private readonly AtRestSuite _suite;
    private readonly byte[] _aeadKey;
    private readonly byte[] _nameSecret;

    /// <param name="chainId">The chain the records belong to (bound into every name and every ciphertext).</param>
    /// <param name="chainSuite"><c>eth</c> (AES-256-GCM, HMAC-SHA256) or <c>sm</c> (SM4-GCM, HMAC-SM3).</param>
    /// <param name="dataKey">The node's record data key, at least 32 random bytes (<c>records.key</c>).</param>
    /// <param name="nameSecret">The node's record-exchange secret, at least 32 random bytes (<c>records.secret</c>).</param>
    public RecordCipher(string chainId, string chainSuite, ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> nameSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(chainId);
        if (dataKey.Length < 32) throw new ArgumentException("the record data key must be at least 32 bytes", nameof(dataKey));
        if (nameSecret.Length < 32) throw new ArgumentException("the record name secret must be at least 32 bytes", nameof(nameSecret));
        _chainId = chainId;
        _suite = AtRestSuite.For(chainSuite);
        _aeadKey = _suite.Mac(dataKey, KeyTag)[.._suite.KeyLength];
        _nameSecret = nameSecret.ToArray();
    }

    /// <summary>The record's stored name: 64 lower-case hex digits that reveal nothing of the key without the secret.</summary>
    public string NameOf(string datasetId, string recordKey) =>
        Convert.ToHexStringLower(_suite.Mac(_nameSecret, new CanonicalWriter(128).Raw(NameTag).String(_chainId).String(datasetId).String(recordKey).WrittenSpan));

    /// <summary>True when <paramref name="name"/> has the shape of a stored name (64 lower-case hex digits).</summary>
    public static bool IsName(string name) =>
        name.Length == NameLength * 2 && name.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>Encrypts a record for storage under <see cref="NameOf"/>(<paramref name="datasetId"/>, <paramref name="recordKey"/>).</summary>
    public byte[] Seal(string datasetId, string recordKey, ReadOnlySpan<byte> recordJson)
    {
        var plaintext = new CanonicalWriter(recordJson.Length + 64).String(recordKey).Bytes(recordJson).ToArray();
        try
        {
            var sealedRecord = new byte[Overhead + plaintext.Length];
            WriteHeader(sealedRecord);
            var nonce = sealedRecord.AsSpan(HeaderLength, AtRestSuite.NonceLength);
            RandomNumberGenerator.Fill(nonce);
            var ciphertext = sealedRecord.AsSpan(HeaderLength + AtRestSuite.NonceLength, plaintext.Length);
            var tag = sealedRecord.AsSpan(sealedRecord.Length - AtRestSuite.TagLength);
            _suite.Encrypt(_aeadKey, nonce, plaintext, ciphertext, tag, AssociatedData(sealedRecord.AsSpan(0, HeaderLength), datasetId, NameOf(datasetId, recordKey)));
            return sealedRecord;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The record JSON stored under this key; throws <see cref="RecordAtRestException"/> if it does not open.</summary>
    public byte[] Open(string datasetId, string recordKey, ReadOnlySpan<byte> sealedRecord)
    {
        var (key, json) = OpenNamed(datasetId, NameOf(datasetId, recordKey), sealedRecord);
        if (key != recordKey) throw Unopenable(datasetId, NameOf(datasetId, recordKey)); // unreachable unless HMAC collides
        return json;
    }

    /// <summary>The record key and JSON of the record stored under <paramref name="name"/> (for listing).</summary>
    public (string RecordKey, byte[] Json) OpenNamed(string datasetId, string name, ReadOnlySpan<byte> sealedRecord)
    {
        if (sealedRecord.Length < Overhead || !sealedRecord[..4].SequenceEqual(Magic) || sealedRecord[4] != Version || sealedRecord[5] != _suite.Id)
            throw Unopenable(datasetId, name);
        var ciphertext = sealedRecord[(HeaderLength + AtRestSuite.NonceLength)..^AtRestSuite.TagLength];
        var plaintext = new byte[ciphertext.Length];
        try
        {
            if (!_suite.TryDecrypt(_aeadKey, sealedRecord.Slice(HeaderLength, AtRestSuite.NonceLength), ciphertext, sealedRecord[^AtRestSuite.TagLength..],
                    plaintext, AssociatedData(sealedRecord[..HeaderLength], datasetId, name)))
                throw Unopenable(datasetId, name);
            var reader = new CanonicalReader(plaintext);
            var key = reader.String();
            var json = reader.Bytes();
            reader.ExpectEnd();
            return (key, json);
        }
        catch (FormatException)
        {
            throw Unopenable(datasetId, name);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>True when the bytes start like a record this cipher seals (plaintext JSON never does).</summary>
    public static bool LooksSealed(ReadOnlySpan<byte> bytes) => bytes.Length >= HeaderLength && bytes[..4].SequenceEqual(Magic);

    private void WriteHeader(Span<byte> destination)
    {
        Magic.CopyTo(destination);
        destination[4] = Version;
        destination[5] = _suite.Id;
    }

    private byte[] AssociatedData(ReadOnlySpan<byte> header, string datasetId, string name) =>
        new CanonicalWriter(160).Raw(header).Raw(DataTag).String(_chainId).String(datasetId).Bytes(Convert.FromHexString(name)).ToArray();

    private static RecordAtRestException Unopenable(string datasetId, string name) =>
        new($"a stored record of dataset {datasetId} (name {name[..Math.Min(16, name.Length)]}…) does not open under this node's data key: it was altered, moved from another record's file, or written under another key; restore it from a backup or put it again");
}
