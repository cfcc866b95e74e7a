using Org.BouncyCastle.Crypto.EC;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Protocol.Tests.Crypto;

public class DecodedKeyCacheTests
{
    private static readonly Org.BouncyCastle.Math.EC.ECPoint G = CustomNamedCurves.GetByName("secp256k1").G;

    [Fact]
    public void Finds_entries_by_content_not_by_array_identity()
    {
        var cache = new DecodedKeyCache();
        var key = CryptoSuites.Eth.GenerateKey().PublicKey;
        cache.Add(key, G);
        Assert.True(cache.TryGet(key.ToArray(), out var point));
        Assert.Same(G, point);
        Assert.False(cache.TryGet(CryptoSuites.Eth.GenerateKey().PublicKey, out _));
    }

    [Fact]
    public void Never_holds_more_than_MaxEntries()
    {
        var cache = new DecodedKeyCache();
        for (var i = 0; i < DecodedKeyCache.MaxEntries * 2 + 3; i++)
        {
            cache.Add(BitConverter.GetBytes(i), G);
            Assert.True(cache.Count <= DecodedKeyCache.MaxEntries);
        }
    }

    [Fact]
    public void Cached_keys_still_verify_and_a_cached_valid_key_does_not_make_its_neighbour_valid()
    {
        var suite = CryptoSuites.Sm;
        var key = suite.GenerateKey();
        var signature = suite.Sign(key, "m"u8);
        for (var i = 0; i < 3; i++) Assert.True(suite.Verify(key.PublicKey, "m"u8, signature));
        var neighbour = key.PublicKey.ToArray();
        neighbour[64] ^= 1;
        Assert.False(suite.IsValidPublicKey(neighbour));
        Assert.False(suite.Verify(neighbour, "m"u8, signature));
    }
}
