using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Crypto;

/// <summary>
/// <c>sm</c> (国密): SM2 signatures with SM3 and the standard default user id (GB/T 32918.2), 64-byte r‖s;
/// addresses are the last 20 bytes of SM3 of the 64-byte public key body.
/// </summary>
public sealed class SmCryptoSuite : ICryptoSuite
{
    private static readonly EcCurve Curve = new("sm2p256v1");
    private static readonly SecureRandom Random = new();

    public string Name => "sm";
    public IHashFunction Hash => DigestHashFunction.Sm3;

    public KeyPair GenerateKey() => Make(Curve.NewPrivateScalar());

    public KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        var d = Curve.ParsePrivateScalar(privateKey);
        // SM2 needs d < n − 1 (it inverts 1 + d).
        if (d.CompareTo(Curve.N.Subtract(BigInteger.One)) >= 0) throw new ArgumentException("private key is out of range for SM2");
        return Make(d);
    }

    private KeyPair Make(BigInteger d)
    {
        var pub = Curve.PublicKeyOf(d);
        return new KeyPair(Name, EcCurve.ToBytes32(d), pub, AddressOf(pub));
    }

    public byte[] Sign(KeyPair key, ReadOnlySpan<byte> message)
    {
        var signer = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
        var priv = new ECPrivateKeyParameters(new BigInteger(1, key.PrivateKey.ToArray()), Curve.Domain);
        signer.Init(true, new ParametersWithRandom(priv, Random));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64) return false;
        var point = Curve.TryDecodePoint(publicKey);
        if (point is null) return false;
        try
        {
            var signer = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
            signer.Init(false, new ECPublicKeyParameters(point, Curve.Domain));
            signer.BlockUpdate(message);
            return signer.VerifySignature(signature.ToArray());
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) => Curve.TryDecodePoint(publicKey) is not null;

    public Address AddressOf(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 65) throw new ArgumentException("an sm public key is 65 bytes (uncompressed)");
        return new Address(Hash.Hash(publicKey[1..]).ToArray().AsSpan(12));
    }
}
