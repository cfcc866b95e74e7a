using CsCheck;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Encoding;

public class CanonicalEncodingTests
{
    [Fact]
    public void Integers_are_fixed_width_big_endian()
    {
        var bytes = new CanonicalWriter().U8(0xab).U32(1).U64(0x0102030405060708).I64(-2).ToArray();
        Assert.Equal("0xab" + "00000001" + "0102030405060708" + "fffffffffffffffe", Hex.Encode(bytes));
    }

    [Fact]
    public void Variable_data_has_a_u32_length_prefix_and_strings_are_UTF8()
    {
        var bytes = new CanonicalWriter().Bytes([0xde, 0xad]).String("é").String("").Raw([0x01]).ToArray();
        Assert.Equal("0x" + "00000002dead" + "00000002c3a9" + "00000000" + "01", Hex.Encode(bytes));
    }

    [Fact]
    public void Every_field_type_round_trips()
    {
        var gen = Gen.Select(Gen.Byte, Gen.UInt, Gen.ULong, Gen.Long, Gen.Byte.Array[0, 40], Gen.String, Gen.Byte.Array[32], Gen.Byte.Array[20]);
        gen.Sample(t =>
        {
            var (u8, u32, u64, i64, bytes, text, hash, address) = t;
            var encoded = new CanonicalWriter().U8(u8).U32(u32).U64(u64).I64(i64).Bytes(bytes).String(text)
                .Hash(new Hash32(hash)).Address(new Address(address)).ToArray();
            var r = new CanonicalReader(encoded);
            Assert.Equal(u8, r.U8());
            Assert.Equal(u32, r.U32());
            Assert.Equal(u64, r.U64());
            Assert.Equal(i64, r.I64());
            Assert.Equal(bytes, r.Bytes());
            var decoded = r.String();
            // Lone surrogates cannot be UTF-8; the writer replaces them, so compare with the same replacement.
            Assert.Equal(System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text)), decoded);
            Assert.Equal(new Hash32(hash), r.Hash());
            Assert.Equal(new Address(address), r.Address());
            Assert.True(r.AtEnd);
            r.ExpectEnd();
        });
    }

    [Fact]
    public void Every_truncation_is_a_FormatException()
    {
        var encoded = new CanonicalWriter().U32(7).Bytes([1, 2, 3]).String("hello").Hash(Hash32.Zero).U64(9).ToArray();
        for (var length = 0; length < encoded.Length; length++)
        {
            var prefix = encoded[..length];
            Assert.Throws<FormatException>(() =>
            {
                var r = new CanonicalReader(prefix);
                r.U32();
                r.Bytes();
                r.String();
                r.Hash();
                r.U64();
            });
        }
    }

    [Fact]
    public void Trailing_bytes_fail_ExpectEnd()
    {
        var e = Assert.Throws<FormatException>(() =>
        {
            var r = new CanonicalReader([0, 0, 0, 1, 9]);
            r.U32();
            r.ExpectEnd();
        });
        Assert.Contains("trailing", e.Message);
    }

    [Theory]
    [InlineData(0xffffffffu)]
    [InlineData(0x7fffffffu)]
    [InlineData(5u)]
    public void Corrupt_length_prefix_fails_without_allocating_the_claimed_size(uint claimed)
    {
        var bytes = new CanonicalWriter().U32(claimed).Raw([1, 2, 3, 4]).ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<FormatException>(() => new CanonicalReader(bytes).Bytes());
        Assert.Throws<FormatException>(() => new CanonicalReader(bytes).String());
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024, "decoder allocated for a length it never had");
        Assert.Contains("exceeds", e.Message);
    }

    [Fact]
    public void Count_checks_the_claimed_items_fit_in_what_is_left()
    {
        var bytes = new CanonicalWriter().U32(1_000_000).Raw(new byte[100]).ToArray();
        Assert.Throws<FormatException>(() => new CanonicalReader(bytes).Count(minBytesPerItem: 1));
        Assert.Equal(100u, new CanonicalReader(new CanonicalWriter().U32(100).Raw(new byte[100]).ToArray()).Count());
        Assert.Throws<FormatException>(() => new CanonicalReader(new CanonicalWriter().U32(26).Raw(new byte[100]).ToArray()).Count(minBytesPerItem: 4));
    }

    [Theory]
    [InlineData("ff")]            // never valid in UTF-8
    [InlineData("c080")]          // overlong encoding of U+0000
    [InlineData("eda080")]        // encoded surrogate U+D800
    [InlineData("e282")]          // truncated sequence
    public void Invalid_UTF8_strings_are_a_FormatException(string utf8)
    {
        var body = Convert.FromHexString(utf8);
        var bytes = new CanonicalWriter().Bytes(body).ToArray();
        Assert.Throws<FormatException>(() => new CanonicalReader(bytes).String());
    }
}
