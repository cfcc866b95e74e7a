using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;

namespace TrustLedger.Protocol.Records;

/// <summary>
/// Salts the owner derives from its own secret (32+ random bytes kept next to its node's keys) with HMAC over the
/// suite hash (HMAC-Keccak-256 for <c>eth</c>, HMAC-SM3 for <c>sm</c>):
/// <list type="bullet">
/// <item>grant salt = <c>HMAC(secret, "TL/record-salt/grant/v1" ‖ string(chain id) ‖ string(grant id))</c> — salts the
/// record key hashes of that grant's access receipts and is given to the grantee, so a grantee can check its own
/// receipts but learns nothing about the receipts of other grants;</item>
/// <item>purge salt = <c>HMAC(secret, "TL/record-salt/purge/v1" ‖ string(chain id) ‖ string(dataset id))</c> — salts the
/// record key hash of a dataset's purge receipts; it never leaves the owner.</item>
/// </list>
/// Deterministic, so the owner needs no table of salts and gets the same hash for the same record every time.
/// </summary>
public static class RecordSalts
{
    public const int MinSecretLength = 32;

    public static ReadOnlySpan<byte> GrantTag => "TL/record-salt/grant/v1"u8;
    public static ReadOnlySpan<byte> PurgeTag => "TL/record-salt/purge/v1"u8;

    public static byte[] ForGrant(ICryptoSuite suite, ReadOnlySpan<byte> ownerSecret, string chainId, string grantId) =>
        Mac(suite, ownerSecret, new CanonicalWriter(128).Raw(GrantTag).String(chainId).String(grantId).WrittenSpan);

    public static byte[] ForPurges(ICryptoSuite suite, ReadOnlySpan<byte> ownerSecret, string chainId, string datasetId) =>
        Mac(suite, ownerSecret, new CanonicalWriter(128).Raw(PurgeTag).String(chainId).String(datasetId).WrittenSpan);

    private static byte[] Mac(ICryptoSuite suite, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(suite);
        if (secret.Length < MinSecretLength) throw new ArgumentException($"the owner secret must be at least {MinSecretLength} bytes", nameof(secret));
        var hmac = new HMac(DigestOf(suite));
        hmac.Init(new KeyParameter(secret));
        hmac.BlockUpdate(message);
        var salt = new byte[hmac.GetMacSize()];
        hmac.DoFinal(salt);
        return salt;
    }

    private static IDigest DigestOf(ICryptoSuite suite) => suite.Hash.Name switch
    {
        "keccak256" => new KeccakDigest(256),
        "sm3" => new SM3Digest(),
        "sha256" => new Sha256Digest(),
        var other => throw new ArgumentException($"no HMAC for hash '{other}'", nameof(suite)),
    };
}
