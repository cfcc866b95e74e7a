using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Crypto;

/// <summary>
/// <c>sm</c> (国密): SM2 signatures with SM3 and the standard default user id (GB/T 32918.2, GM/T 0009), 64-byte r‖s,
/// fresh random k per signature as the standard specifies; addresses are the last 20 bytes of SM3 of the 64-byte
/// public key body.
/// </summary>
public sealed class SmCryptoSuite : ICryptoSuite
{
    private static readonly EcCurve Curve = new("sm2p256v1", excludedTopScalars: 1);

    /// <summary>The default SM2 distinguishing identifier <c>1234567812345678</c> (GM/T 0009) every signature uses.</summary>
    public static ReadOnlySpan<byte> DefaultUserId => "1234567812345678"u8;

    public string Name => "sm";
    public IHashFunction Hash => DigestHashFunction.Sm3;

    public KeyPair GenerateKey() => Make(Curve.NewPrivateScalar());

    /// <inheritdoc/>
    /// <remarks>SM2 private keys are in [1, n − 2]: n − 1 is rejected because signing inverts 1 + d.</remarks>
    public KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey) => Make(Curve.ParsePrivateScalar(privateKey));

    private KeyPair Make(BigInteger d)
    {
        var pub = Curve.PublicKeyOf(d);
        return new KeyPair(Name, EcCurve.ToBytes32(d), pub, AddressOf(pub));
    }

    public byte[] Sign(KeyPair key, ReadOnlySpan<byte> message) => Sign(key, message, DefaultUserId, EcCurve.OsRandom);

    /// <summary>Signs with an explicit user id and random source; tests use it to reproduce published vectors.</summary>
    internal byte[] Sign(KeyPair key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> userId, SecureRandom random)
    {
        ArgumentNullException.ThrowIfNull(key);
        // A key of the other suite would sign "successfully" and then never verify; fail where the mistake is.
        if (key.Suite != Name) throw new ArgumentException($"cannot sign with a '{key.Suite}' key under the sm suite", nameof(key));
        var priv = new ECPrivateKeyParameters(Curve.ParsePrivateScalar(key.PrivateKey), Curve.Domain);
        var signer = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(priv, random), userId.ToArray()));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Verify(publicKey, message, signature, DefaultUserId);

    /// <summary>
    /// Verifies an SM2 signature made with another distinguishing identifier (for checking signatures from
    /// external SM2 systems). The ledger itself always uses <see cref="DefaultUserId"/>. Never throws on malformed input.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> userId)
    {
        // The id length is hashed as a 16-bit bit count, so ids of 8192 bytes or more cannot be encoded.
        if (signature.Length != 64 || userId.Length >= 8192) return false;
        var point = Curve.TryDecodePoint(publicKey);
        if (point is null) return false;
        try
        {
            var signer = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
            signer.Init(false, new ParametersWithID(new ECPublicKeyParameters(point, Curve.Domain), userId.ToArray()));
            signer.BlockUpdate(message);
            // Rejects r or s outside [1, n−1] and r + s ≡ 0 (mod n) itself.
            return signer.VerifySignature(signature.ToArray());
        }
        catch (Exception e) when (e is ArgumentException or CryptoException)
        {
            return false;
        }
    }

    public bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) => Curve.TryDecodePoint(publicKey) is not null;

    /// <summary>The sm address: last 20 bytes of SM3 of the 64-byte key body (the 0x04 prefix dropped).</summary>
    /// <exception cref="ArgumentException">The key is not 65 bytes starting with 0x04.</exception>
    public Address AddressOf(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 65 || publicKey[0] != 0x04)
            throw new ArgumentException("an sm public key is 65 bytes, uncompressed (0x04 prefix)", nameof(publicKey));
        return new Address(Hash.Hash(publicKey[1..]).ToArray().AsSpan(12));
    }
}
