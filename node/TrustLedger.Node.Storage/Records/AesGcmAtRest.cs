using System.Security.Cryptography;

namespace TrustLedger.Node.Storage.Records;

/// <summary>AES-256-GCM and HMAC-SHA256, from the platform's crypto library (OpenSSL on Linux).</summary>
public sealed class AesGcmAtRest : AtRestSuite
{
    public static readonly AesGcmAtRest Instance = new();

    private AesGcmAtRest() { }

    public override byte Id => 1;
    public override int KeyLength => 32;

    public override byte[] Mac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message) => HMACSHA256.HashData(key, message);

    public override void Encrypt(byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData)
    {
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
    }

    public override bool TryDecrypt(byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        using var aes = new AesGcm(key, TagLength);
        try
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }
}
