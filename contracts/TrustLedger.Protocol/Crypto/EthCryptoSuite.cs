using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Crypto;

/// <summary>
/// <c>eth</c>: secp256k1 ECDSA over Keccak-256 of the message, deterministic k (RFC 6979), low-s enforced,
/// 64-byte r‖s; Ethereum addresses (last 20 bytes of Keccak-256 of the 64-byte public key body).
/// Uses BouncyCastle's GLV-accelerated curve; Nethereum handles key files and address formats.
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
        var digest = Hash.Hash(message).ToArray();
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(new BigInteger(1, key.PrivateKey.ToArray()), Curve.Domain));
        var rs = signer.GenerateSignature(digest);
        var s = rs[1].CompareTo(Curve.HalfN) > 0 ? Curve.N.Subtract(rs[1]) : rs[1];
        var signature = new byte[64];
        EcCurve.ToBytes32(rs[0]).CopyTo(signature, 0);
        EcCurve.ToBytes32(s).CopyTo(signature, 32);
        return signature;
    }

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64) return false;
        var point = Curve.TryDecodePoint(publicKey);
        if (point is null) return false;
        var r = new BigInteger(1, signature[..32].ToArray());
        var s = new BigInteger(1, signature[32..].ToArray());
        // Low-s only: a signature has exactly one valid encoding, so it cannot be malleated.
        if (r.SignValue <= 0 || s.SignValue <= 0 || r.CompareTo(Curve.N) >= 0 || s.CompareTo(Curve.HalfN) > 0) return false;
        var signer = new ECDsaSigner();
        signer.Init(false, new ECPublicKeyParameters(point, Curve.Domain));
        return signer.VerifySignature(Hash.Hash(message).ToArray(), r, s);
    }

    public bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) => Curve.TryDecodePoint(publicKey) is not null;

    public Address AddressOf(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 65) throw new ArgumentException("an eth public key is 65 bytes (uncompressed)");
        return new Address(Hash.Hash(publicKey[1..]).ToArray().AsSpan(12));
    }
}
