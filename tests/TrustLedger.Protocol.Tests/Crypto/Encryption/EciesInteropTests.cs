using System.Security.Cryptography;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Crypto.Encryption;

namespace TrustLedger.Protocol.Tests.Crypto.Encryption;

/// <summary>
/// The eth envelope opened by an independent implementation of its documented construction: .NET's (OpenSSL's)
/// secp256k1 ECDH, HKDF-SHA256 and AES-GCM — nothing shared with the code under test but the layout.
/// </summary>
public class EciesInteropTests
{
    [Fact]
    public void An_eth_envelope_opens_with_platform_ECDH_HKDF_and_AES_GCM_following_the_documented_layout()
    {
        var recipient = CryptoSuites.Eth.GenerateKey();
        var plaintext = """{"household":"3304020001","members":4}"""u8.ToArray();
        var context = "context"u8.ToArray();
        var envelope = Envelopes.Eth.Seal(recipient.PublicKey, plaintext, context);

        // Layout: "TLRE" 01 01 ‖ ephemeral public key (65) ‖ ciphertext ‖ tag (16).
        var ephemeral = envelope[6..71];
        using var mine = ECDiffieHellman.Create(Parameters(recipient.PublicKey, recipient.PrivateKey.ToArray()));
        using var theirs = ECDiffieHellman.Create(Parameters(ephemeral, null));
        var sharedX = mine.DeriveRawSecretAgreement(theirs.PublicKey);

        var info = (byte[])[.. "TL/envelope/v1/eth"u8, .. ephemeral, .. recipient.PublicKey];
        var keyAndNonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedX, 44, salt: [], info);
        using var aes = new AesGcm(keyAndNonce[..32], 16);
        var body = envelope[71..];
        var output = new byte[body.Length - 16];
        aes.Decrypt(keyAndNonce[32..], body[..^16], body[^16..], output, (byte[])[.. envelope[..71], .. context]);
        Assert.Equal(plaintext, output);
    }

    private static ECParameters Parameters(byte[] publicKey, byte[]? privateKey) => new()
    {
        Curve = ECCurve.CreateFromFriendlyName("secp256k1"),
        Q = new ECPoint { X = publicKey[1..33], Y = publicKey[33..65] },
        D = privateKey,
    };
}
