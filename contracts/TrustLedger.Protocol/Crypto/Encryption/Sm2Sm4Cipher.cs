using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace TrustLedger.Protocol.Crypto.Encryption;

/// <summary>
/// <c>sm</c> envelopes (国密): a fresh random 128-bit SM4 key per message, encrypted to the recipient with SM2
/// public-key encryption (C1C3C2, SM3); the payload is SM4-GCM with a random 12-byte nonce and a 16-byte tag.
/// </summary>
internal sealed class Sm2Sm4Cipher : IEnvelopeCipher
{
    private static readonly EcCurve Curve = new("sm2p256v1", excludedTopScalars: 1);

    private const int KeyLength = 16, NonceLength = 12;
    internal const int WrappedKeyLength = Sm2KeyWrap.Overhead + KeyLength;
    internal const int HeaderLength = EnvelopeFormat.PrefixLength + WrappedKeyLength + NonceLength;

    public string Suite => "sm";

    public byte[] Seal(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var recipient = Curve.TryDecodePoint(recipientPublicKey)
            ?? throw new ArgumentException("the recipient key is not a valid SM2 public key", nameof(recipientPublicKey));
        EnvelopeFormat.CheckPlaintext(plaintext.Length);
        var key = RandomNumberGenerator.GetBytes(KeyLength);
        try
        {
            var wrapped = Sm2KeyWrap.Encrypt(Curve.Domain, recipient, key, EcCurve.OsRandom);
            var header = new byte[HeaderLength];
            EnvelopeFormat.WritePrefix(header, EnvelopeFormat.SmSuite);
            wrapped.CopyTo(header, EnvelopeFormat.PrefixLength);
            var nonce = RandomNumberGenerator.GetBytes(NonceLength);
            nonce.CopyTo(header, EnvelopeFormat.PrefixLength + WrappedKeyLength);

            var gcm = Gcm(true, key, nonce, EnvelopeFormat.AeadData(header, associatedData));
            var envelope = new byte[HeaderLength + gcm.GetOutputSize(plaintext.Length)];
            header.CopyTo(envelope, 0);
            var written = gcm.ProcessBytes(plaintext, envelope.AsSpan(HeaderLength));
            gcm.DoFinal(envelope.AsSpan(HeaderLength + written));
            return envelope;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public byte[] Open(KeyPair recipient, ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> associatedData)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (recipient.Suite != Suite) throw new ArgumentException($"an sm envelope cannot be opened with a '{recipient.Suite}' key", nameof(recipient));
        EnvelopeFormat.CheckPrefix(envelope, EnvelopeFormat.SmSuite, HeaderLength);
        var key = Sm2KeyWrap.Decrypt(Curve.Domain, Curve.ParsePrivateScalar(recipient.PrivateKey),
            envelope.Slice(EnvelopeFormat.PrefixLength, WrappedKeyLength));
        if (key is not { Length: KeyLength }) throw EnvelopeException.Unopenable();
        var body = envelope[HeaderLength..];
        var plaintext = new byte[body.Length - EnvelopeFormat.TagLength];
        try
        {
            var nonce = envelope.Slice(EnvelopeFormat.PrefixLength + WrappedKeyLength, NonceLength).ToArray();
            var gcm = Gcm(false, key, nonce, EnvelopeFormat.AeadData(envelope[..HeaderLength], associatedData));
            var written = gcm.ProcessBytes(body, plaintext);
            gcm.DoFinal(plaintext.AsSpan(written));
            return plaintext;
        }
        catch (InvalidCipherTextException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw EnvelopeException.Unopenable();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static GcmBlockCipher Gcm(bool encrypt, byte[] key, byte[] nonce, byte[] associatedData)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(encrypt, new AeadParameters(new KeyParameter(key), EnvelopeFormat.TagLength * 8, nonce, associatedData));
        return gcm;
    }
}
