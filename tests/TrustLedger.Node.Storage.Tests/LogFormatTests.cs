using Xunit;

namespace TrustLedger.Node.Storage.Tests;

public sealed class LogFormatTests
{
    [Fact]
    public void Crc32C_MatchesTheStandardCheckValue() =>
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));

    [Fact]
    public void Crc32C_CoversEveryByte()
    {
        var data = new byte[1001];
        var clean = Crc32C.Compute(data);
        for (var i = 0; i < data.Length; i += 97)
        {
            data[i] ^= 1;
            Assert.NotEqual(clean, Crc32C.Compute(data));
            data[i] ^= 1;
        }
    }

    [Theory]
    [InlineData("blocks-000001.log", 1)]
    [InlineData("blocks-123456.log", 123456)]
    public void SegmentNames_RoundTrip(string name, int number)
    {
        Assert.Equal(name, LogFormat.SegmentFileName(number));
        Assert.True(LogFormat.TryParseSegmentNumber(name, out var parsed));
        Assert.Equal(number, parsed);
    }

    [Theory]
    [InlineData("blocks-000000.log")]
    [InlineData("blocks-00001.log")]
    [InlineData("blocks-+00001.log")]
    [InlineData("index-log.db")]
    public void OtherFileNames_AreNotSegments(string name) => Assert.False(LogFormat.TryParseSegmentNumber(name, out _));

    [Fact]
    public void RecordHeader_DetectsDamageToLengthHeightOrPayload()
    {
        var payload = "a block"u8.ToArray();
        var header = LogFormat.RecordHeader(42, payload);
        Assert.Null(LogFormat.CheckRecordHeader(header, header.Length + payload.Length));
        Assert.Null(LogFormat.CheckRecordBody(header, payload));
        Assert.Equal(42UL, LogFormat.Height(header));
        foreach (var at in new[] { 8, 15 }) // height bytes are checksummed too
        {
            var damaged = (byte[])header.Clone();
            damaged[at] ^= 1;
            Assert.NotNull(LogFormat.CheckRecordBody(damaged, payload));
        }
        payload[3] ^= 1;
        Assert.NotNull(LogFormat.CheckRecordBody(header, payload));
    }

    [Fact]
    public void DirectorySync_FlushesAnExistingDirectory() => DirectorySync.Flush(Path.GetTempPath());
}
