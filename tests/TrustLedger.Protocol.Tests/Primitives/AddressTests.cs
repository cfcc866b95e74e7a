using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Primitives;

public class AddressTests
{
    private const string Sample = "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf";

    [Fact]
    public void Parses_and_prints_lower_case_hex()
    {
        Assert.Equal(Sample, Address.Parse("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf").ToString());
        Assert.Equal(Address.Parse(Sample), Address.Parse(Sample[2..]));
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("0x7e5f4552091a69125d5dfcb7b8c2659029395b")]
    [InlineData("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf00")]
    [InlineData("not an address")]
    [InlineData(null)]
    public void TryParse_refuses_anything_but_20_bytes_of_hex(string? text)
    {
        Assert.False(Address.TryParse(text, out var address));
        Assert.Equal(Address.Zero, address);
    }

    [Fact]
    public void Constructor_refuses_wrong_length()
    {
        Assert.Throws<ArgumentException>(() => new Address(new byte[19]));
        Assert.Throws<ArgumentException>(() => new Address(new byte[21]));
    }

    [Fact]
    public void Default_equals_Zero_and_behaves_as_twenty_zero_bytes()
    {
        Assert.Equal(Address.Zero, default);
        Assert.True(default(Address) == Address.Zero);
        Assert.Equal(Address.Zero.GetHashCode(), default(Address).GetHashCode());
        Assert.Equal(20, default(Address).Bytes.Length);
        Assert.Equal("0x" + new string('0', 40), default(Address).ToString());
    }

    [Fact]
    public void Equality_hashing_and_ordering_follow_the_bytes()
    {
        var a = Address.Parse(Sample);
        var b = Address.Parse("0x8e5f4552091a69125d5dfcb7b8c2659029395bdf");
        Assert.True(a != b);
        Assert.True(a.CompareTo(b) < 0);
        Assert.Equal(a.GetHashCode(), Address.Parse(Sample).GetHashCode());
        Assert.Single(new HashSet<Address> { a, Address.Parse(Sample) });
    }
}
