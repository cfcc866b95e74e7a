using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;

namespace TrustLedger.Protocol.Crypto;

/// <summary>A named curve on BouncyCastle's fast custom implementation, with key helpers shared by both suites.</summary>
internal sealed class EcCurve
{
    private static readonly SecureRandom Random = new();

    public EcCurve(string name)
    {
        X9ECParameters p = CustomNamedCurves.GetByName(name) ?? throw new InvalidOperationException($"curve {name} missing");
        Domain = new ECDomainParameters(p.Curve, p.G, p.N, p.H);
        HalfN = p.N.ShiftRight(1);
    }

    public ECDomainParameters Domain { get; }
    public BigInteger HalfN { get; }
    public BigInteger N => Domain.N;

    public BigInteger NewPrivateScalar()
    {
        var bytes = new byte[32];
        while (true)
        {
            Random.NextBytes(bytes);
            var d = new BigInteger(1, bytes);
            if (d.SignValue > 0 && d.CompareTo(N) < 0) return d;
        }
    }

    public BigInteger ParsePrivateScalar(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32) throw new ArgumentException("a private key is 32 bytes");
        var d = new BigInteger(1, privateKey.ToArray());
        if (d.SignValue <= 0 || d.CompareTo(N) >= 0) throw new ArgumentException("private key is out of range for the curve");
        return d;
    }

    /// <summary>65-byte uncompressed SEC1 encoding of d·G.</summary>
    public byte[] PublicKeyOf(BigInteger d) => Domain.G.Multiply(d).Normalize().GetEncoded(false);

    public static byte[] ToBytes32(BigInteger value) => value.ToByteArrayUnsigned() is var b && b.Length == 32 ? b : Pad32(b);

    private static byte[] Pad32(byte[] b)
    {
        var padded = new byte[32];
        b.CopyTo(padded, 32 - b.Length);
        return padded;
    }

    /// <summary>Decodes a public key; only the 65-byte uncompressed form is accepted so one key has one encoding.</summary>
    public ECPoint? TryDecodePoint(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 65 || publicKey[0] != 0x04) return null;
        try
        {
            var point = Domain.Curve.DecodePoint(publicKey.ToArray());
            return point.IsValid() && !point.IsInfinity ? point : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
