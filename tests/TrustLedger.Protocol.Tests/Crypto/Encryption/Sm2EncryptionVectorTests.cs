using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Crypto.Encryption;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Crypto.Encryption;

/// <summary>
/// SM2 public-key encryption against the published examples, and the sm envelope opened by an independent
/// reconstruction (BouncyCastle's generic-curve SM2 and SM4-GCM, following the documented layout).
/// </summary>
public class Sm2EncryptionVectorTests
{
    private static readonly byte[] Message = "encryption standard"u8.ToArray();

    // GM/T 0003.5-2012 Annex C (= GB/T 32918.5-2017): sm2p256v1, the private key of TestKeys.SmGolden, fixed k.
    private const string RecommendedCurveK = "59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21";
    private const string RecommendedCurveC1 =
        "04" + "04ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73" + "e858f9d81e5430a57b36daab8f950a3c64e6ee6a63094d99283aff767e124df0";
    private const string RecommendedCurveC3 = "59983c18f809e262923c53aec295d30383b54e39d609d160afcb1908d0bd8766";
    private const string RecommendedCurveC2 = "21886ca989ca9c7d58087307ca93092d651efa";

    // GB/T 32918.4-2016 Annex A: the 256-bit prime-field test curve (not sm2p256v1), C1‖C2‖C3 as the standard prints it.
    private const string TestCurveP = "8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3";
    private const string TestCurveA = "787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498";
    private const string TestCurveB = "63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A";
    private const string TestCurveN = "8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7";
    private const string TestCurveGx = "421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D";
    private const string TestCurveGy = "0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2";
    private const string TestCurvePrivate = "1649AB77A00637BD5E2EFE283FBF353534AA7F7CB89463F208DDBC2920BB0DA0";
    private const string TestCurveK = "4C62EEFD6ECFC2B95B92FD6C3D9575148AFA17425546D49018E5388D49DD7B4F";
    private const string TestCurveC1 =
        "04245C26FB68B1DDDDB12C4B6BF9F2B6D5FE60A383B0D18D1C4144ABF17F6252E776CB9264C2A7E88E52B19903FDC47378F605E36811F5C07423A24B84400F01B8";
    private const string TestCurveC2 = "650053A89B41C418B0C3AAD00D886C00286467";
    private const string TestCurveC3 = "9C3D7360C30156FAB7C80A0276712DA9D8094A634B766D3A285E07480653426D";

    private static readonly EcCurve Sm2p256v1 = new("sm2p256v1", excludedTopScalars: 1);

    [Fact]
    public void Encrypting_with_the_published_k_on_sm2p256v1_reproduces_the_published_C1C3C2()
    {
        var recipient = Sm2p256v1.TryDecodePoint(TestKeys.SmGolden.PublicKey)!;
        var ciphertext = Sm2KeyWrap.Encrypt(Sm2p256v1.Domain, recipient, Message, FixedK(RecommendedCurveK));
        Assert.Equal(RecommendedCurveC1 + RecommendedCurveC3 + RecommendedCurveC2, Convert.ToHexStringLower(ciphertext));
    }

    [Fact]
    public void The_published_sm2p256v1_ciphertext_decrypts_and_any_change_is_refused()
    {
        var ciphertext = Convert.FromHexString(RecommendedCurveC1 + RecommendedCurveC3 + RecommendedCurveC2);
        var d = new BigInteger(1, TestKeys.SmGolden.PrivateKey);
        Assert.Equal(Message, Sm2KeyWrap.Decrypt(Sm2p256v1.Domain, d, ciphertext));
        for (var i = 1; i < ciphertext.Length; i++)
        {
            var tampered = ciphertext.ToArray();
            tampered[i] ^= 0x01;
            Assert.Null(Sm2KeyWrap.Decrypt(Sm2p256v1.Domain, d, tampered));
        }
    }

    [Fact]
    public void Encrypting_with_the_published_k_on_the_standard_test_curve_reproduces_the_published_ciphertext()
    {
        var p = new BigInteger(TestCurveP, 16);
        var n = new BigInteger(TestCurveN, 16);
        var curve = new FpCurve(p, new BigInteger(TestCurveA, 16), new BigInteger(TestCurveB, 16), n, BigInteger.One);
        var domain = new ECDomainParameters(curve, curve.CreatePoint(new BigInteger(TestCurveGx, 16), new BigInteger(TestCurveGy, 16)), n);
        var d = new BigInteger(TestCurvePrivate, 16);
        var recipient = domain.G.Multiply(d).Normalize();

        var printed = Sm2KeyWrap.Encrypt(domain, recipient, Message, FixedK(TestCurveK), SM2Engine.Mode.C1C2C3);
        Assert.Equal(TestCurveC1 + TestCurveC2 + TestCurveC3, Convert.ToHexString(printed));
        // The envelope's order, C1‖C3‖C2, is the same values rearranged.
        var ours = Sm2KeyWrap.Encrypt(domain, recipient, Message, FixedK(TestCurveK));
        Assert.Equal(TestCurveC1 + TestCurveC3 + TestCurveC2, Convert.ToHexString(ours));
        Assert.Equal(Message, Sm2KeyWrap.Decrypt(domain, d, ours));
    }

    [Fact]
    public void An_sm_envelope_opens_with_generic_curve_SM2_and_SM4_GCM_following_the_documented_layout()
    {
        var recipient = CryptoSuites.Sm.GenerateKey();
        var plaintext = """{"licence":"91330402MA2B","status":"valid"}"""u8.ToArray();
        var context = "context"u8.ToArray();
        var envelope = Envelopes.Sm.Seal(recipient.PublicKey, plaintext, context);

        // Layout: "TLRE" 01 02 ‖ SM2 C1C3C2 of the SM4 key (65 + 32 + 16) ‖ nonce (12) ‖ ciphertext ‖ tag (16).
        const int prefix = 6, wrapped = 113, nonce = 12;
        var x9 = GMNamedCurves.GetByName("sm2p256v1"); // BouncyCastle's generic prime-field arithmetic, not the custom curve
        var domain = new ECDomainParameters(x9.Curve, x9.G, x9.N, x9.H);
        var engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.Init(false, new ECPrivateKeyParameters(new BigInteger(1, recipient.PrivateKey), domain));
        var sm4Key = engine.ProcessBlock(envelope, prefix, wrapped);
        Assert.Equal(16, sm4Key.Length);

        var gcm = new GcmBlockCipher(new SM4Engine());
        var header = envelope[..(prefix + wrapped + nonce)];
        gcm.Init(false, new AeadParameters(new KeyParameter(sm4Key), 128, envelope[(prefix + wrapped)..(prefix + wrapped + nonce)], [.. header, .. context]));
        var body = envelope[header.Length..];
        var output = new byte[gcm.GetOutputSize(body.Length)];
        var written = gcm.ProcessBytes(body, 0, body.Length, output, 0);
        gcm.DoFinal(output, written);
        Assert.Equal(plaintext, output);
    }

    [Fact]
    public void What_the_generic_curve_SM2_encrypts_the_envelope_code_decrypts()
    {
        var recipient = CryptoSuites.Sm.GenerateKey();
        var x9 = GMNamedCurves.GetByName("sm2p256v1");
        var domain = new ECDomainParameters(x9.Curve, x9.G, x9.N, x9.H);
        var engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.Init(true, new ParametersWithRandom(new ECPublicKeyParameters(x9.Curve.DecodePoint(recipient.PublicKey), domain), new SecureRandom()));
        var secret = Hex.Decode("0x00112233445566778899aabbccddeeff");
        var ciphertext = engine.ProcessBlock(secret, 0, secret.Length);
        Assert.Equal(secret, Sm2KeyWrap.Decrypt(Sm2p256v1.Domain, new BigInteger(1, recipient.PrivateKey), ciphertext));
    }

    private static SecureRandom FixedK(string hex) => new(new FixedRandomGenerator(Convert.FromHexString(hex)));
}
