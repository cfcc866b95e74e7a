using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Crypto;

/// <summary>
/// <c>eth</c>: secp256k1 ECDSA over Keccak-256 of the message, deterministic k (RFC 6979 with HMAC-SHA256, as
/// Nethereum, geth and ethers do), low-s enforced, 64-byte r‖s; Ethereum addresses (last 20 bytes of Keccak-256
/// of the 64-byte public key body). Uses BouncyCastle's GLV-accelerated curve; Nethereum handles key files.
/// </summary>
public sealed class EthCryptoSuite : ICryptoSuite
{
    private static readonly EcCurve Curve = new("secp256k1");

    public string Name => "eth";
    public IHashFunction Hash => DigestHashFunction.Keccak256;

    public KeyPair GenerateKey() => Make(Curve.NewPrivateScalar());

    public KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey) => Make(Curve.ParsePrivateScalar(privateKey));

    private KeyPair Make(BigInteger d)
    {
        var pub = Curve.PublicKeyOf(d);
        return new KeyPair(Name, EcCurve.ToBytes32(d), pub, AddressOf(pub));
    }

    public byte[] Sign(KeyPair key, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(key);
        // A key of the other suite would sign "successfully" and then never verify; fail where the mistake is.
        if (key.Suite != Name) throw new ArgumentException($"cannot sign with a '{key.Suite}' key under the eth suite", nameof(key));
        var d = Curve.ParsePrivateScalar(key.PrivateKey);
        var digest = Hash.Hash(message).ToArray();
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(d, Curve.Domain));
        var rs = signer.GenerateSignature(digest);
        var s = rs[1].CompareTo(Curve.HalfN) > 0 ? Curve.N.Subtract(rs[1]) : rs[1];
        var signature = new byte[64];
        EcCurve.WriteBytes32(rs[0], signature);
        EcCurve.WriteBytes32(s, signature.AsSpan(32));
        return signature;
    }

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64) return false;
        var point = Curve.TryDecodePoint(publicKey);
        if (point is null) return false;
        var r = new BigInteger(1, signature[..32]);
        var s = new BigInteger(1, signature[32..]);
        // Low-s only: a signature has exactly one valid encoding, so it cannot be malleated.
        if (r.SignValue <= 0 || s.SignValue <= 0 || r.CompareTo(Curve.N) >= 0 || s.CompareTo(Curve.HalfN) > 0) return false;
        var signer = new ECDsaSigner();
        signer.Init(false, new ECPublicKeyParameters(point, Curve.Domain));
        return signer.VerifySignature(Hash.Hash(message).ToArray(), r, s);
    }

    public bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) => Curve.TryDecodePoint(publicKey) is not null;

    /// <summary>The Ethereum address: last 20 bytes of Keccak-256 of the 64-byte key body (the 0x04 prefix dropped).</summary>
    /// <exception cref="ArgumentException">The key is not 65 bytes starting with 0x04.</exception>
    public Address AddressOf(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 65 || publicKey[0] != 0x04)
            throw new ArgumentException("an eth public key is 65 bytes, uncompressed (0x04 prefix)", nameof(publicKey));
        return new Address(Hash.Hash(publicKey[1..]).ToArray().AsSpan(12));
    }

    /// <summary>
    /// The low-s form of a 64-byte r‖s signature (s replaced by n − s when s &gt; n/2), for importing signatures
    /// from tools that do not normalise. Both forms are mathematically valid; <see cref="Verify"/> accepts only this one.
    /// </summary>
    /// <exception cref="ArgumentException">Not 64 bytes, or s is zero or not below n.</exception>
    public static byte[] NormalizeLowS(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64) throw new ArgumentException("an eth signature is 64 bytes (r‖s)", nameof(signature));
        var s = new BigInteger(1, signature[32..]);
        if (s.SignValue <= 0 || s.CompareTo(Curve.N) >= 0) throw new ArgumentException("s is out of range", nameof(signature));
        var result = signature.ToArray();
        if (s.CompareTo(Curve.HalfN) > 0) EcCurve.WriteBytes32(Curve.N.Subtract(s), result.AsSpan(32));
        return result;
    }
}
