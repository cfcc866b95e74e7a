using System.Security.Cryptography;
using Org.BouncyCastle.Math;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace TrustLedger.Protocol.Crypto.Encryption;

/// <summary>
/// <c>eth</c> envelopes: ECIES on secp256k1. A fresh ephemeral key e per message; the shared secret is the
/// x-coordinate of e·Q (Q = recipient key); HKDF-SHA256 (no salt, info = <c>"TL/envelope/v1/eth" ‖ E ‖ Q</c>)
/// gives a 32-byte AES key and a 12-byte nonce, used once; AES-256-GCM with a 16-byte tag encrypts.
/// Binding both public keys into the KDF stops an envelope being re-addressed to another key.
/// </summary>
internal sealed class EciesSecp256k1Cipher : IEnvelopeCipher
{
    private static readonly EcCurve Curve = new("secp256k1");
    private static ReadOnlySpan<byte> Info => "TL/envelope/v1/eth"u8;

    private const int PointLength = 65;
    internal const int HeaderLength = EnvelopeFormat.PrefixLength + PointLength;
    private const int KeyLength = 32, NonceLength = 12;

    public string Suite => "eth";

    public byte[] Seal(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var recipient = Curve.TryDecodePoint(recipientPublicKey)
            ?? throw new ArgumentException("the recipient key is not a valid secp256k1 public key", nameof(recipientPublicKey));
        EnvelopeFormat.CheckPlaintext(plaintext.Length);
        var ephemeralSecret = Curve.NewPrivateScalar();
        var envelope = new byte[HeaderLength + plaintext.Length + EnvelopeFormat.TagLength];
        EnvelopeFormat.WritePrefix(envelope, EnvelopeFormat.EthSuite);
        var ephemeral = Curve.PublicKeyOf(ephemeralSecret);
        ephemeral.CopyTo(envelope.AsSpan(EnvelopeFormat.PrefixLength));

        Span<byte> keyAndNonce = stackalloc byte[KeyLength + NonceLength];
        try
        {
            Derive(SharedX(recipient, ephemeralSecret), ephemeral, recipientPublicKey, keyAndNonce);
            using var aes = new AesGcm(keyAndNonce[..KeyLength], EnvelopeFormat.TagLength);
            var body = envelope.AsSpan(HeaderLength);
            aes.Encrypt(keyAndNonce[KeyLength..], plaintext, body[..plaintext.Length], body[plaintext.Length..],
                EnvelopeFormat.AeadData(envelope.AsSpan(0, HeaderLength), associatedData));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keyAndNonce);
        }
        return envelope;
    }

    public byte[] Open(KeyPair recipient, ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> associatedData)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (recipient.Suite != Suite) throw new ArgumentException($"an eth envelope cannot be opened with a '{recipient.Suite}' key", nameof(recipient));
        EnvelopeFormat.CheckPrefix(envelope, EnvelopeFormat.EthSuite, HeaderLength);
        var ephemeralKey = envelope.Slice(EnvelopeFormat.PrefixLength, PointLength);
        // Decoding validates the point (on the curve, not infinity), which rules out invalid-curve attacks.
        var ephemeral = Curve.TryDecodePoint(ephemeralKey) ?? throw EnvelopeException.Unopenable();
        var body = envelope[HeaderLength..];
        var plaintext = new byte[body.Length - EnvelopeFormat.TagLength];

        Span<byte> keyAndNonce = stackalloc byte[KeyLength + NonceLength];
        try
        {
            Derive(SharedX(ephemeral, Curve.ParsePrivateScalar(recipient.PrivateKey)), ephemeralKey, recipient.PublicKey, keyAndNonce);
            using var aes = new AesGcm(keyAndNonce[..KeyLength], EnvelopeFormat.TagLength);
            aes.Decrypt(keyAndNonce[KeyLength..], body[..plaintext.Length], body[plaintext.Length..], plaintext,
                EnvelopeFormat.AeadData(envelope[..HeaderLength], associatedData));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw EnvelopeException.Unopenable();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keyAndNonce);
        }
    }

    /// <summary>The 32-byte x-coordinate of d·P, the ECDH shared secret (SEC 1 §3.3.1).</summary>
    private static byte[] SharedX(ECPoint point, BigInteger secret)
    {
        var shared = point.Multiply(secret).Normalize();
        // Cannot happen for a valid point and a scalar in [1, n−1] on a prime-order curve; checked regardless.
        if (shared.IsInfinity) throw EnvelopeException.Unopenable();
        return EcCurve.ToBytes32(shared.AffineXCoord.ToBigInteger());
    }

    private static void Derive(byte[] sharedX, ReadOnlySpan<byte> ephemeralKey, ReadOnlySpan<byte> recipientKey, Span<byte> output)
    {
        Span<byte> info = stackalloc byte[Info.Length + 2 * PointLength];
        Info.CopyTo(info);
        ephemeralKey.CopyTo(info[Info.Length..]);
        recipientKey.CopyTo(info[(Info.Length + PointLength)..]);
        try
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedX, output, salt: [], info);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sharedX);
        }
    }
}
