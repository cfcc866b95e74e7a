using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Crypto.Encryption;

namespace TrustLedger.Protocol.Tests.Crypto.Encryption;

/// <summary>Both suites' envelopes: round trip, and every way an envelope must refuse to open.</summary>
public class EnvelopeTests
{
    private static readonly byte[] Context = "grant 7f…/record 42"u8.ToArray();
    private static readonly byte[] Record = """{"name":"张三","address":"嘉兴市南湖区"}"""u8.ToArray();

    public static IEnumerable<object[]> Suites() => TestKeys.Suites();

    public static IEnumerable<object[]> SuitesAndSizes() =>
        from suite in new[] { "eth", "sm" } from size in new[] { 0, 1, 15, 16, 17, 1000, 70_000 } select new object[] { suite, size };

    [Theory]
    [MemberData(nameof(SuitesAndSizes))]
    public void Sealed_plaintext_opens_with_the_recipient_key(string suiteName, int size)
    {
        var (suite, cipher) = For(suiteName);
        var recipient = suite.GenerateKey();
        var plaintext = new byte[size];
        Random.Shared.NextBytes(plaintext);

        var envelope = cipher.Seal(recipient.PublicKey, plaintext, Context);

        Assert.Equal(plaintext, cipher.Open(recipient, envelope, Context));
        Assert.Equal("TLRE"u8.ToArray(), envelope[..4]);
        Assert.Equal(EnvelopeFormat.Version1, envelope[4]);
        Assert.Equal(suiteName == "eth" ? EnvelopeFormat.EthSuite : EnvelopeFormat.SmSuite, envelope[5]);
        Assert.Equal(HeaderLength(suiteName) + size + EnvelopeFormat.TagLength, envelope.Length);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Sealing_twice_gives_unrelated_envelopes(string suiteName)
    {
        var (suite, cipher) = For(suiteName);
        var recipient = suite.GenerateKey();
        var a = cipher.Seal(recipient.PublicKey, Record, Context);
        var b = cipher.Seal(recipient.PublicKey, Record, Context);
        Assert.NotEqual(a, b);
        Assert.NotEqual(a[HeaderLength(suiteName)..], b[HeaderLength(suiteName)..]);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Changing_any_single_byte_makes_the_envelope_unopenable(string suiteName)
    {
        var (suite, cipher) = For(suiteName);
        var recipient = suite.GenerateKey();
        var envelope = cipher.Seal(recipient.PublicKey, Record, Context);
        for (var i = 0; i < envelope.Length; i++)
        {
            foreach (var flip in new byte[] { 0x01, 0x80 })
            {
                var tampered = envelope.ToArray();
                tampered[i] ^= flip;
                Assert.Throws<EnvelopeException>(() => cipher.Open(recipient, tampered, Context));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Truncated_or_extended_envelopes_do_not_open(string suiteName)
    {
        var (suite, cipher) = For(suiteName);
        var recipient = suite.GenerateKey();
        var envelope = cipher.Seal(recipient.PublicKey, Record, Context);
        for (var length = 0; length < envelope.Length; length++)
            Assert.Throws<EnvelopeException>(() => cipher.Open(recipient, envelope[..length], Context));
        Assert.Throws<EnvelopeException>(() => cipher.Open(recipient, [.. envelope, 0], Context));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Another_key_cannot_open_it(string suiteName)
    {
        var (suite, cipher) = For(suiteName);
        var envelope = cipher.Seal(suite.GenerateKey().PublicKey, Record, Context);
        var error = Assert.Throws<EnvelopeException>(() => cipher.Open(suite.GenerateKey(), envelope, Context));
        Assert.Equal(EnvelopeException.CannotOpen, error.Message);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Other_associated_data_does_not_open_it(string suiteName)
    {
        var (suite, cipher) = For(suiteName);
        var recipient = suite.GenerateKey();
        var envelope = cipher.Seal(recipient.PublicKey, Record, Context);
        Assert.Throws<EnvelopeException>(() => cipher.Open(recipient, envelope, "grant 7f…/record 43"u8));
        Assert.Throws<EnvelopeException>(() => cipher.Open(recipient, envelope, []));
        Assert.Throws<EnvelopeException>(() => cipher.Open(recipient, envelope, [.. Context, 0]));
    }

    [Fact]
    public void An_envelope_of_one_suite_is_refused_by_the_other_with_a_clear_reason()
    {
        var ethKey = CryptoSuites.Eth.GenerateKey();
        var envelope = Envelopes.Eth.Seal(ethKey.PublicKey, Record, Context);
        var error = Assert.Throws<EnvelopeException>(() => Envelopes.Sm.Open(CryptoSuites.Sm.GenerateKey(), envelope, Context));
        Assert.Contains("for crypto suite eth, not sm", error.Message);
        Assert.Throws<ArgumentException>(() => Envelopes.Eth.Open(CryptoSuites.Sm.GenerateKey(), envelope, Context));
    }

    [Fact]
    public void Unknown_versions_are_refused_by_number()
    {
        var key = CryptoSuites.Eth.GenerateKey();
        var envelope = Envelopes.Eth.Seal(key.PublicKey, Record, Context);
        envelope[4] = 2;
        Assert.Contains("version 2 is not supported", Assert.Throws<EnvelopeException>(() => Envelopes.Eth.Open(key, envelope, Context)).Message);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Invalid_recipient_keys_are_refused_when_sealing(string suiteName)
    {
        var (suite, cipher) = For(suiteName);
        var key = suite.GenerateKey().PublicKey;
        var offCurve = key.ToArray();
        offCurve[64] ^= 1;
        Assert.Throws<ArgumentException>(() => cipher.Seal(offCurve, Record, Context));
        Assert.Throws<ArgumentException>(() => cipher.Seal(key[..33], Record, Context));
        Assert.Throws<ArgumentException>(() => cipher.Seal([], Record, Context));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void An_ephemeral_key_off_the_curve_is_refused(string suiteName)
    {
        // Invalid-curve attacks feed a point of a weaker curve as C1 / the ephemeral key; decoding must refuse it.
        var (suite, cipher) = For(suiteName);
        var recipient = suite.GenerateKey();
        var envelope = cipher.Seal(recipient.PublicKey, Record, Context);
        envelope[EnvelopeFormat.PrefixLength + 64] ^= 0x01; // last byte of the point's y coordinate
        Assert.Throws<EnvelopeException>(() => cipher.Open(recipient, envelope, Context));
    }

    [Fact]
    public void Suites_map_to_their_ciphers()
    {
        Assert.Same(Envelopes.Eth, Envelopes.For(CryptoSuites.Eth));
        Assert.Same(Envelopes.Sm, Envelopes.For(CryptoSuites.Sm));
        Assert.Throws<ArgumentException>(() => Envelopes.For("rsa"));
    }

    private static int HeaderLength(string suite) => suite == "eth" ? EciesSecp256k1Cipher.HeaderLength : Sm2Sm4Cipher.HeaderLength;

    private static (ICryptoSuite Suite, IEnvelopeCipher Cipher) For(string name) => (CryptoSuites.Get(name), Envelopes.For(name));
}
