using CsCheck;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Primitives;

public class HexTests
{
    [Fact]
    public void Encodes_lower_case_with_0x_prefix()
    {
        Assert.Equal("0x", Hex.Encode([]));
        Assert.Equal("0x00ff10ab", Hex.Encode([0x00, 0xff, 0x10, 0xab]));
    }

    [Theory]
    [InlineData("0x00ff10ab")]
    [InlineData("00ff10ab")]
    [InlineData("0X00FF10AB")]
    [InlineData("00Ff10aB")]
    public void Decodes_with_or_without_prefix_in_any_case(string text)
    {
        Assert.Equal(new byte[] { 0x00, 0xff, 0x10, 0xab }, Hex.Decode(text));
    }

    [Theory]
    [InlineData("0x0")]
    [InlineData("abc")]
    [InlineData("0xzz")]
    [InlineData("0x 00")]
    [InlineData("0x0x00")]
    public void Malformed_input_is_a_FormatException_and_TryDecode_false(string text)
    {
        Assert.Throws<FormatException>(() => Hex.Decode(text));
        Assert.False(Hex.TryDecode(text, out var bytes));
        Assert.Empty(bytes);
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => Hex.Decode(null!));
        Assert.False(Hex.TryDecode(null, out _));
    }

    [Fact]
    public void Error_message_truncates_long_input()
    {
        var e = Assert.Throws<FormatException>(() => Hex.Decode(new string('g', 1000)));
        Assert.True(e.Message.Length < 100);
    }

    [Fact]
    public void Round_trips_any_bytes()
    {
        Gen.Byte.Array[0, 100].Sample(bytes => Hex.Decode(Hex.Encode(bytes)).AsSpan().SequenceEqual(bytes));
    }
}
