using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Crypto;

/// <summary>sm suite: the published GM/T 0003.5 example and a cross-check against BouncyCastle's generic-curve SM2.</summary>
public class SmCryptoSuiteTests
{
    private static readonly SmCryptoSuite Sm = (SmCryptoSuite)CryptoSuites.Sm;

    // GM/T 0003.5-2012 Annex A (= GB/T 32918.5-2017): sm2p256v1, default id 1234567812345678, message "message digest".
    private const string VectorPublicKey =
        "0x04" +
        "09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020" +
        "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13";
    private const string VectorNonce = "59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21";
    private const string VectorSignature =
        "f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3" +
        "b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa";
    private static readonly byte[] VectorMessage = "message digest"u8.ToArray();

    [Fact]
    public void Published_example_private_key_gives_the_published_public_key()
    {
        Assert.Equal(Hex.Decode(VectorPublicKey), TestKeys.SmGolden.PublicKey);
    }

    [Fact]
    public void Published_example_signature_verifies()
    {
        Assert.True(Sm.Verify(Hex.Decode(VectorPublicKey), VectorMessage, Hex.Decode(VectorSignature)));
        Assert.False(Sm.Verify(Hex.Decode(VectorPublicKey), "message digesT"u8, Hex.Decode(VectorSignature)));
        // The signature binds the user id: under another id it is invalid.
        Assert.False(Sm.Verify(Hex.Decode(VectorPublicKey), VectorMessage, Hex.Decode(VectorSignature), "ALICE123@YAHOO.COM"u8));
    }

    [Fact]
    public void Signing_with_the_published_nonce_reproduces_the_published_signature()
    {
        var random = new SecureRandom(new FixedRandomGenerator(Convert.FromHexString(VectorNonce)));
        var signature = Sm.Sign(TestKeys.SmGolden, VectorMessage, SmCryptoSuite.DefaultUserId, random);
        Assert.Equal(VectorSignature, Convert.ToHexStringLower(signature));
    }

    [Fact]
    public void Signatures_use_a_fresh_nonce_each_time()
    {
        var key = Sm.GenerateKey();
        var a = Sm.Sign(key, VectorMessage);
        var b = Sm.Sign(key, VectorMessage);
        Assert.NotEqual(a, b);
        Assert.True(Sm.Verify(key.PublicKey, VectorMessage, a));
        Assert.True(Sm.Verify(key.PublicKey, VectorMessage, b));
    }

    [Fact]
    public void Our_signatures_verify_with_BouncyCastle_generic_curve_SM2_in_DER()
    {
        var domain = GenericDomain();
        for (var i = 0; i < 8; i++)
        {
            var key = Sm.GenerateKey();
            var message = BitConverter.GetBytes(i);
            var rs = Sm.Sign(key, message);
            var der = StandardDsaEncoding.Instance.Encode(domain.N, new BigInteger(1, rs[..32]), new BigInteger(1, rs[32..]));

            var verifier = new SM2Signer(); // DER, SM3, default user id
            verifier.Init(false, new ECPublicKeyParameters(domain.Curve.DecodePoint(key.PublicKey), domain));
            verifier.BlockUpdate(message);
            Assert.True(verifier.VerifySignature(der));
        }
    }

    [Fact]
    public void BouncyCastle_generic_curve_DER_signatures_verify_with_our_Verify()
    {
        var domain = GenericDomain();
        for (var i = 0; i < 8; i++)
        {
            var key = Sm.GenerateKey();
            var message = BitConverter.GetBytes(i);
            var signer = new SM2Signer();
            signer.Init(true, new ParametersWithRandom(new ECPrivateKeyParameters(new BigInteger(1, key.PrivateKey), domain), new SecureRandom()));
            signer.BlockUpdate(message);
            var rs = StandardDsaEncoding.Instance.Decode(domain.N, signer.GenerateSignature());
            byte[] plain = [.. Pad32(rs[0]), .. Pad32(rs[1])];
            Assert.True(Sm.Verify(key.PublicKey, message, plain));
        }
    }

    [Fact]
    public void Private_key_n_minus_1_is_refused_because_SM2_inverts_1_plus_d()
    {
        var nMinus1 = GenericDomain().N.Subtract(BigInteger.One);
        var e = Assert.Throws<ArgumentException>(() => Sm.FromPrivateKey(Pad32(nMinus1)));
        Assert.Contains("out of range", e.Message);
    }

    [Fact]
    public void Verify_with_an_oversized_user_id_returns_false()
    {
        Assert.False(Sm.Verify(Hex.Decode(VectorPublicKey), VectorMessage, Hex.Decode(VectorSignature), new byte[8192]));
    }

    [Fact]
    public void Signature_with_r_plus_s_equal_to_n_is_rejected()
    {
        var n = GenericDomain().N;
        var r = new BigInteger(1, Hex.Decode(VectorSignature)[..32]);
        byte[] bad = [.. Pad32(r), .. Pad32(n.Subtract(r))];
        Assert.False(Sm.Verify(Hex.Decode(VectorPublicKey), VectorMessage, bad));
    }

    private static ECDomainParameters GenericDomain()
    {
        // GMNamedCurves is BouncyCastle's generic Fp implementation: independent arithmetic from the custom curve we use.
        var x9 = GMNamedCurves.GetByName("sm2p256v1");
        return new ECDomainParameters(x9.Curve, x9.G, x9.N, x9.H);
    }

    private static byte[] Pad32(BigInteger value) => Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(32, value);
}
