using CsCheck;
using Nethereum.Util;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Crypto;

/// <summary>Published vectors for the three hash functions, and the prefix overloads against plain concatenation.</summary>
public class HashFunctionTests
{
    [Theory]
    // Ethereum's Keccak-256 (not FIPS SHA3-256): the empty-string hash every Ethereum client hard-codes.
    [InlineData("keccak256", "", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("keccak256", "abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    // FIPS 180-2 examples.
    [InlineData("sha256", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("sha256", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("sha256", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    // GB/T 32905-2016 Annex A examples 1 and 2.
    [InlineData("sm3", "abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("sm3", "abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    public void Published_vectors(string name, string input, string expected)
    {
        Assert.Equal(Hash32.Parse(expected), ByName(name).Hash(System.Text.Encoding.ASCII.GetBytes(input)));
    }

    [Fact]
    public void Suites_use_their_hash()
    {
        Assert.Same(DigestHashFunction.Keccak256, CryptoSuites.Eth.Hash);
        Assert.Same(DigestHashFunction.Sm3, CryptoSuites.Sm.Hash);
    }

    [Fact]
    public void Keccak_agrees_with_Nethereum_and_sha256_with_the_platform()
    {
        Gen.Byte.Array[0, 600].Sample(data =>
        {
            Assert.Equal(Sha3Keccack.Current.CalculateHash(data), DigestHashFunction.Keccak256.Hash(data).ToArray());
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), DigestHashFunction.Sha256.Hash(data).ToArray());
        }, iter: 200);
    }

    [Theory]
    [InlineData("sha256")]
    [InlineData("keccak256")]
    [InlineData("sm3")]
    public void Prefix_overloads_equal_hashing_the_concatenation(string name)
    {
        var hash = ByName(name);
        Gen.Select(Gen.Byte, Gen.Byte.Array[0, 200], Gen.Byte.Array[32], Gen.Byte.Array[32]).Sample(t =>
        {
            var (prefix, data, left, right) = t;
            Assert.Equal(hash.Hash([prefix, .. data]), hash.Hash(prefix, data));
            Assert.Equal(hash.Hash([prefix, .. left, .. right]), hash.Hash(prefix, new Hash32(left), new Hash32(right)));
        }, iter: 100);
    }

    [Theory]
    [InlineData("sha256")]
    [InlineData("keccak256")]
    [InlineData("sm3")]
    public void Concurrent_use_gives_the_same_results(string name)
    {
        var hash = ByName(name);
        var inputs = Enumerable.Range(0, 256).Select(i => Enumerable.Repeat((byte)i, i).ToArray()).ToArray();
        var expected = inputs.Select(i => hash.Hash(i)).ToArray();
        var actual = new Hash32[inputs.Length];
        Parallel.For(0, inputs.Length, i => actual[i] = hash.Hash(inputs[i]));
        Assert.Equal(expected, actual);
    }

    private static IHashFunction ByName(string name) => name switch
    {
        "sha256" => DigestHashFunction.Sha256,
        "keccak256" => DigestHashFunction.Keccak256,
        "sm3" => DigestHashFunction.Sm3,
        _ => throw new ArgumentException(name),
    };
}
