using CsCheck;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Primitives;

public class Hash32Tests
{
    private const string Sample = "0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    [Fact]
    public void Round_trips_through_bytes_and_hex()
    {
        var hash = Hash32.Parse(Sample);
        Assert.Equal(Sample, hash.ToString());
        Assert.Equal(Hex.Decode(Sample), hash.ToArray());
        Assert.Equal(hash, new Hash32(hash.ToArray()));
        Assert.Equal("0x00010203", hash.ToShortString());
    }

    [Fact]
    public void Wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Hash32(new byte[31]));
        Assert.Throws<ArgumentException>(() => new Hash32(new byte[33]));
        Assert.Throws<ArgumentException>(() => Hash32.Parse("0x00"));
    }

    [Fact]
    public void Zero_is_default_and_IsZero()
    {
        Assert.True(Hash32.Zero.IsZero);
        Assert.True(default(Hash32).IsZero);
        Assert.Equal(new byte[32], Hash32.Zero.ToArray());
        Assert.False(Hash32.Parse(Sample).IsZero);
    }

    [Fact]
    public void Ordering_and_equality_match_the_bytes()
    {
        Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[32]).Sample(t =>
        {
            var (a, b) = t;
            var ha = new Hash32(a);
            var hb = new Hash32(b);
            Assert.Equal(Math.Sign(a.AsSpan().SequenceCompareTo(b)), Math.Sign(ha.CompareTo(hb)));
            Assert.Equal(a.AsSpan().SequenceEqual(b), ha == hb);
            Assert.Equal(ha, new Hash32(a));
            Assert.Equal(ha.GetHashCode(), new Hash32(a).GetHashCode());
        });
    }

    [Fact]
    public void Bit_counts_from_the_most_significant_bit_of_byte_0()
    {
        var bytes = new byte[32];
        bytes[0] = 0b1000_0000;
        bytes[31] = 0b0000_0001;
        var hash = new Hash32(bytes);
        Assert.True(hash.Bit(0));
        Assert.False(hash.Bit(1));
        Assert.True(hash.Bit(255));
        Assert.False(hash.Bit(254));
        Assert.Throws<ArgumentOutOfRangeException>(() => hash.Bit(256));
    }
}
