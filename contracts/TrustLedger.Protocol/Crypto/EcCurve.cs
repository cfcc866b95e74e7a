using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;

namespace TrustLedger.Protocol.Crypto;

/// <summary>A named curve on BouncyCastle's fast custom implementation, with key helpers shared by both suites.</summary>
internal sealed class EcCurve
{
    /// <summary>
    /// The OS CSPRNG behind BouncyCastle's interface. BouncyCastle's default <c>SecureRandom()</c> is a digest PRNG
    /// that takes a lock on every call; the OS generator is thread-safe without one, which matters for SM2 signing
    /// (random k on every signature) under parallel load.
    /// </summary>
    public static readonly SecureRandom OsRandom = new(new CryptoApiRandomGenerator());

    private static readonly FixedPointCombMultiplier BaseMultiplier = new();

    private readonly DecodedKeyCache _decoded = new();

    /// <param name="name">BouncyCastle custom curve name.</param>
    /// <param name="excludedTopScalars">
    /// How many scalars just below n are not valid private keys: 0 for ECDSA (d ∈ [1, n−1]);
    /// 1 for SM2, which inverts 1 + d and so needs d ∈ [1, n−2] (GB/T 32918.1 §6.1).
    /// </param>
    public EcCurve(string name, int excludedTopScalars = 0)
    {
        X9ECParameters p = CustomNamedCurves.GetByName(name) ?? throw new InvalidOperationException($"curve {name} missing");
        Domain = new ECDomainParameters(p.Curve, p.G, p.N, p.H);
        HalfN = p.N.ShiftRight(1);
        PrivateLimit = p.N.Subtract(BigInteger.ValueOf(excludedTopScalars));
    }

    public ECDomainParameters Domain { get; }
    public BigInteger HalfN { get; }
    public BigInteger N => Domain.N;

    /// <summary>Exclusive upper bound of a valid private scalar.</summary>
    public BigInteger PrivateLimit { get; }

    public bool IsValidPrivateScalar(BigInteger d) => d.SignValue > 0 && d.CompareTo(PrivateLimit) < 0;

    public BigInteger NewPrivateScalar()
    {
        Span<byte> bytes = stackalloc byte[32];
        try
        {
            while (true)
            {
                OsRandom.NextBytes(bytes);
                var d = new BigInteger(1, bytes);
                if (IsValidPrivateScalar(d)) return d;
            }
        }
        finally
        {
            bytes.Clear();
        }
    }

    public BigInteger ParsePrivateScalar(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32) throw new ArgumentException("a private key is 32 bytes");
        var d = new BigInteger(1, privateKey);
        if (!IsValidPrivateScalar(d)) throw new ArgumentException("private key is out of range for the curve");
        return d;
    }

    /// <summary>65-byte uncompressed SEC1 encoding of d·G.</summary>
    /// <remarks>The fixed-point comb is BouncyCastle's regular-pattern multiplier for secret scalars.</remarks>
    public byte[] PublicKeyOf(BigInteger d) => BaseMultiplier.Multiply(Domain.G, d).Normalize().GetEncoded(false);

    /// <summary><paramref name="value"/> (less than 2²⁵⁶) as exactly 32 big-endian bytes.</summary>
    public static byte[] ToBytes32(BigInteger value) => BigIntegers.AsUnsignedByteArray(32, value);

    /// <summary>Writes <paramref name="value"/> (less than 2²⁵⁶) big-endian into exactly 32 bytes.</summary>
    public static void WriteBytes32(BigInteger value, Span<byte> destination) => BigIntegers.AsUnsignedByteArray(value, destination[..32]);

    /// <summary>Decodes a public key; only the 65-byte uncompressed form is accepted so one key has one encoding.</summary>
    /// <remarks>Returns the same point object for a key seen recently (see <see cref="DecodedKeyCache"/>).</remarks>
    public ECPoint? TryDecodePoint(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 65 || publicKey[0] != 0x04) return null;
        if (_decoded.TryGet(publicKey, out var cached)) return cached;
        var point = Decode(publicKey);
        if (point is not null) _decoded.Add(publicKey, point);
        return point;
    }

    private ECPoint? Decode(ReadOnlySpan<byte> publicKey)
    {
        try
        {
            // DecodePoint rejects coordinates ≥ p and points off the curve; the cofactor is 1 on both curves,
            // so every on-curve point other than infinity is in the prime-order group.
            var point = Domain.Curve.DecodePoint(publicKey.ToArray());
            return point.IsValid() && !point.IsInfinity ? point : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
