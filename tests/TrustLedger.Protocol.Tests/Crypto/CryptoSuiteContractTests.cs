using CsCheck;
using Org.BouncyCastle.Math;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Crypto;

/// <summary>The <see cref="ICryptoSuite"/> contract, checked identically for both suites.</summary>
public class CryptoSuiteContractTests
{
    private static readonly byte[] Message = "transfer 10 to org-b"u8.ToArray();

    private static ICryptoSuite Suite(string name) => CryptoSuites.Get(name);

    /// <summary>Curve order n of each suite, big-endian.</summary>
    private static byte[] Order(string name) => Hex.Decode(name == "eth"
        ? "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"
        : "fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123");

    /// <summary>Field prime p of each suite, big-endian.</summary>
    private static byte[] Prime(string name) => Hex.Decode(name == "eth"
        ? "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f"
        : "fffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffff");

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Sign_then_verify_round_trips(string name)
    {
        var suite = Suite(name);
        var key = suite.GenerateKey();
        var signature = suite.Sign(key, Message);
        Assert.Equal(64, signature.Length);
        Assert.True(suite.Verify(key.PublicKey, Message, signature));
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Empty_and_large_messages_sign_and_verify(string name)
    {
        var suite = Suite(name);
        var key = suite.GenerateKey();
        foreach (var message in new[] { Array.Empty<byte>(), new byte[1 << 20] })
            Assert.True(suite.Verify(key.PublicKey, message, suite.Sign(key, message)));
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Tampered_message_is_rejected(string name)
    {
        var suite = Suite(name);
        var key = suite.GenerateKey();
        var signature = suite.Sign(key, Message);
        for (var i = 0; i < Message.Length; i++)
        {
            var tampered = Message.ToArray();
            tampered[i] ^= 0x01;
            Assert.False(suite.Verify(key.PublicKey, tampered, signature));
        }
        Assert.False(suite.Verify(key.PublicKey, Message[..^1], signature));
        Assert.False(suite.Verify(key.PublicKey, [.. Message, 0], signature));
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Every_single_bit_flip_of_the_signature_is_rejected(string name)
    {
        var suite = Suite(name);
        var key = suite.GenerateKey();
        var signature = suite.Sign(key, Message);
        for (var bit = 0; bit < 64 * 8; bit++)
        {
            var tampered = signature.ToArray();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(suite.Verify(key.PublicKey, Message, tampered), $"bit {bit} flipped still verifies");
        }
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Signature_under_another_key_is_rejected(string name)
    {
        var suite = Suite(name);
        var signer = suite.GenerateKey();
        var other = suite.GenerateKey();
        Assert.False(suite.Verify(other.PublicKey, Message, suite.Sign(signer, Message)));
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Signature_of_one_suite_does_not_verify_under_the_other(string name)
    {
        var suite = Suite(name);
        var otherSuite = Suite(name == "eth" ? "sm" : "eth");
        var key = otherSuite.GenerateKey();
        // The other suite's key is (almost surely) not a point on this curve; either way it must not verify or throw.
        Assert.False(suite.Verify(key.PublicKey, Message, otherSuite.Sign(key, Message)));
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Signing_with_a_key_of_the_other_suite_throws(string name)
    {
        var suite = Suite(name);
        var foreign = Suite(name == "eth" ? "sm" : "eth").GenerateKey();
        var e = Assert.Throws<ArgumentException>(() => suite.Sign(foreign, Message));
        Assert.Contains(name, e.Message);
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Zero_and_out_of_range_r_or_s_are_rejected(string name)
    {
        var suite = Suite(name);
        var key = suite.GenerateKey();
        var good = suite.Sign(key, Message);
        var n = Order(name);
        var nPlusOne = new BigInteger(1, n).Add(BigInteger.One).ToByteArrayUnsigned();
        var allOnes = Enumerable.Repeat((byte)0xff, 32).ToArray();
        foreach (var bad in new[] { new byte[32], n, nPlusOne, allOnes })
        {
            Assert.False(suite.Verify(key.PublicKey, Message, [.. bad, .. good[32..]]), "bad r accepted");
            Assert.False(suite.Verify(key.PublicKey, Message, [.. good[..32], .. bad]), "bad s accepted");
        }
        Assert.False(suite.Verify(key.PublicKey, Message, new byte[64]));
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Wrong_length_signatures_are_rejected(string name)
    {
        var suite = Suite(name);
        var key = suite.GenerateKey();
        var good = suite.Sign(key, Message);
        Assert.False(suite.Verify(key.PublicKey, Message, []));
        Assert.False(suite.Verify(key.PublicKey, Message, good[..63]));
        Assert.False(suite.Verify(key.PublicKey, Message, [.. good, 0x01]));
        Assert.False(suite.Verify(key.PublicKey, Message, [0x00, .. good]));
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Malformed_public_keys_are_invalid_and_never_verify(string name)
    {
        var suite = Suite(name);
        var key = suite.GenerateKey();
        var signature = suite.Sign(key, Message);
        var pub = key.PublicKey;
        var offCurve = pub.ToArray();
        offCurve[64] ^= 0x01;
        var p = Prime(name);
        List<byte[]> malformed =
        [
            [],
            [0x00],                              // SEC1 point at infinity
            pub[1..],                            // 64-byte body without prefix
            [.. pub, 0x00],                      // 66 bytes
            offCurve,                            // y changed: not on the curve
            [0x04, .. new byte[64]],             // (0, 0)
            [0x04, .. p, .. pub[33..]],          // x = p: outside the field
            [0x04, .. pub[1..33], .. p],         // y = p
        ];
        foreach (var prefix in new byte[] { 0x00, 0x02, 0x03, 0x05, 0x06, 0x07 })
            malformed.Add([prefix, .. pub[1..]]);
        // The compressed form of a valid key is refused too: one key, one encoding.
        malformed.Add([(byte)(0x02 | (pub[64] & 1)), .. pub[1..33]]);

        foreach (var bad in malformed)
        {
            Assert.False(suite.IsValidPublicKey(bad), Hex.Encode(bad));
            Assert.False(suite.Verify(bad, Message, signature), Hex.Encode(bad));
        }
        Assert.True(suite.IsValidPublicKey(pub));
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Random_garbage_never_throws_and_never_verifies(string name)
    {
        var suite = Suite(name);
        var key = suite.GenerateKey();
        var publicKeys = Gen.OneOf(
            Gen.Byte.Array[0, 70],
            Gen.Byte.Array[64].Select(body => (byte[])[0x04, .. body]),
            Gen.Const(key.PublicKey));
        Gen.Select(publicKeys, Gen.Byte.Array[0, 70], Gen.Byte.Array[0, 80]).Sample(t =>
        {
            var (pub, signature, message) = t;
            Assert.False(suite.Verify(pub, message, signature));
            _ = suite.IsValidPublicKey(pub);
        }, iter: 300);
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Private_keys_out_of_range_are_refused(string name)
    {
        var suite = Suite(name);
        var n = new BigInteger(1, Order(name));
        List<byte[]> invalid =
        [
            new byte[32],
            Order(name),
            n.Add(BigInteger.One).ToByteArrayUnsigned(),
            Enumerable.Repeat((byte)0xff, 32).ToArray(),
            new byte[31],
            new byte[33],
        ];
        foreach (var bad in invalid)
            Assert.Throws<ArgumentException>(() => suite.FromPrivateKey(bad));
        // 1 and n − 2 are valid in both suites.
        Assert.NotNull(suite.FromPrivateKey(Pad32(BigInteger.One)));
        Assert.NotNull(suite.FromPrivateKey(Pad32(n.Subtract(BigInteger.Two))));
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Generated_keys_are_fresh_valid_and_rebuild_from_their_private_half(string name)
    {
        var suite = Suite(name);
        var keys = Enumerable.Range(0, 16).Select(_ => suite.GenerateKey()).ToList();
        Assert.Equal(keys.Count, keys.Select(k => k.Address).Distinct().Count());
        foreach (var key in keys)
        {
            Assert.Equal(name, key.Suite);
            Assert.Equal(65, key.PublicKey.Length);
            Assert.Equal(0x04, key.PublicKey[0]);
            Assert.True(suite.IsValidPublicKey(key.PublicKey));
            Assert.Equal(key.Address, suite.AddressOf(key.PublicKey));
            var rebuilt = suite.FromPrivateKey(key.PrivateKey);
            Assert.Equal(key.PublicKey, rebuilt.PublicKey);
            Assert.Equal(key.Address, rebuilt.Address);
        }
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void AddressOf_refuses_keys_that_are_not_65_byte_uncompressed(string name)
    {
        var suite = Suite(name);
        var pub = suite.GenerateKey().PublicKey;
        Assert.Throws<ArgumentException>(() => suite.AddressOf(pub[1..]));
        Assert.Throws<ArgumentException>(() => suite.AddressOf([0x02, .. pub[1..]]));
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void KeyPair_ToString_never_shows_the_private_key(string name)
    {
        var key = Suite(name).GenerateKey();
        var text = key.ToString();
        Assert.DoesNotContain(Convert.ToHexStringLower(key.PrivateKey), text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(key.Address.ToString(), text);
    }

    [Theory, MemberData(nameof(TestKeys.Suites), MemberType = typeof(TestKeys))]
    public void Concurrent_signing_and_verification_agree(string name)
    {
        var suite = Suite(name);
        var key = suite.GenerateKey();
        var results = new bool[64];
        Parallel.For(0, results.Length, i =>
        {
            var message = BitConverter.GetBytes(i);
            results[i] = suite.Verify(key.PublicKey, message, suite.Sign(key, message))
                && !suite.Verify(key.PublicKey, BitConverter.GetBytes(i + 1), suite.Sign(key, message));
        });
        Assert.All(results, Assert.True);
    }

    private static byte[] Pad32(BigInteger value) => Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(32, value);
}
