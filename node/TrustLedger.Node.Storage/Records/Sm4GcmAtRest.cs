using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace TrustLedger.Node.Storage.Records;

/// <summary>SM4-GCM (BouncyCastle's GCM over its SM4 engine) and HMAC-SM3, for <c>sm</c> chains.</summary>
public sealed class Sm4GcmAtRest : AtRestSuite
{
    public static readonly Sm4GcmAtRest Instance = new();

    private Sm4GcmAtRest() { }

    public override byte Id => 2;
    public override int KeyLength => 16;

    public override byte[] Mac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message)
    {
        var hmac = new HMac(new SM3Digest());
        hmac.Init(new KeyParameter(key));
        hmac.BlockUpdate(message);
        var mac = new byte[hmac.GetMacSize()];
        hmac.DoFinal(mac);
        return mac;
    }

    public override void Encrypt(byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[plaintext.Length + TagLength];
        try
        {
            var gcm = Gcm(true, key, nonce, associatedData);
            var written = gcm.ProcessBytes(plaintext, output);
            gcm.DoFinal(output.AsSpan(written));
            output.AsSpan(0, plaintext.Length).CopyTo(ciphertext);
            output.AsSpan(plaintext.Length).CopyTo(tag);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(output);
        }
    }

    public override bool TryDecrypt(byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var input = new byte[ciphertext.Length + TagLength];
        ciphertext.CopyTo(input);
        tag.CopyTo(input.AsSpan(ciphertext.Length));
        var output = new byte[ciphertext.Length];
        try
        {
            var gcm = Gcm(false, key, nonce, associatedData);
            var written = gcm.ProcessBytes(input, output);
            gcm.DoFinal(output.AsSpan(written));
            output.CopyTo(plaintext);
            return true;
        }
        catch (InvalidCipherTextException)
        {
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(output);
        }
    }

    private static GcmBlockCipher Gcm(bool encrypt, byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(encrypt, new AeadParameters(new KeyParameter(key), TagLength * 8, nonce.ToArray(), associatedData.ToArray()));
        return gcm;
    }
}
