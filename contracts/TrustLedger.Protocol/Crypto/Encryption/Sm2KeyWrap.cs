using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;

namespace TrustLedger.Protocol.Crypto.Encryption;

/// <summary>
/// SM2 public-key encryption (GB/T 32918.4) of a short secret with SM3, through BouncyCastle's <see cref="SM2Engine"/>.
/// The output is C1 ‖ C3 ‖ C2 (the order of GM/T 0009 and the 2017 standard): C1 = k·G uncompressed (65 bytes),
/// C3 = SM3(x₂ ‖ M ‖ y₂) (32 bytes), C2 = M ⊕ KDF(x₂ ‖ y₂) (as long as M).
/// </summary>
internal static class Sm2KeyWrap
{
    /// <summary>C1 (65) + C3 (32) bytes in front of C2.</summary>
    public const int Overhead = 65 + 32;

    public static byte[] Encrypt(ECDomainParameters domain, ECPoint recipient, ReadOnlySpan<byte> secret, SecureRandom random,
        SM2Engine.Mode mode = SM2Engine.Mode.C1C3C2)
    {
        var engine = new SM2Engine(mode);
        engine.Init(true, new ParametersWithRandom(new ECPublicKeyParameters(recipient, domain), random));
        var input = secret.ToArray();
        try
        {
            return engine.ProcessBlock(input, 0, input.Length);
        }
        finally
        {
            Array.Clear(input);
        }
    }

    /// <summary>The secret, or null when the ciphertext is malformed or fails SM2's C3 check (wrong key or altered).</summary>
    public static byte[]? Decrypt(ECDomainParameters domain, BigInteger privateKey, ReadOnlySpan<byte> ciphertext,
        SM2Engine.Mode mode = SM2Engine.Mode.C1C3C2)
    {
        var engine = new SM2Engine(mode);
        engine.Init(false, new ECPrivateKeyParameters(privateKey, domain));
        var input = ciphertext.ToArray();
        try
        {
            return engine.ProcessBlock(input, 0, input.Length);
        }
        catch (Exception e) when (e is InvalidCipherTextException or ArgumentException or FormatException or DataLengthException)
        {
            // ArgumentException / FormatException: C1 is not an encoded point of the curve.
            return null;
        }
    }
}
