using Microsoft.Extensions.Logging;
using TrustLedger.Protocol.Crypto;
using Xunit;

namespace TrustLedger.Node.Storage.Tests;

/// <summary>
/// A crash mid-append leaves part of an unacknowledged record at the log's tail. Opening cuts it, keeps every
/// whole block and appends on. The partial record is staged by hand: the store only ever writes whole ones.
/// </summary>
public sealed class FileBlockStoreTornTailTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestBlocks _chain = new();
    private readonly CapturingLogger _logger = new();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(19)] // header cut before its checksum ends
    [InlineData(20)] // header whole, no payload
    [InlineData(21)]
    [InlineData(200)]
    [InlineData(-1)] // all but the last byte
    public void PartialLastRecord_IsCut_AndAppendingResumes(int keep)
    {
        var segment = WriteBlocks(4);
        var lengthBefore = new FileInfo(segment).Length;
        var record = LogFiles.Record(_chain[5]);
        LogFiles.AppendBytes(segment, record.AsSpan(0, keep > 0 ? keep : record.Length + keep));

        ReopenRecoversAndAppends(expectedHeight: 4);
        Assert.True(_logger.Logged(LogLevel.Warning, $"at offset {lengthBefore}"));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 37)]
    [InlineData(3, 5000)]
    public void GarbageAfterTheLastRecord_IsCut(int seed, int bytes)
    {
        var segment = WriteBlocks(4);
        var garbage = new byte[bytes];
        new Random(seed).NextBytes(garbage);
        LogFiles.AppendBytes(segment, garbage);
        ReopenRecoversAndAppends(expectedHeight: 4);
    }

    [Fact]
    public void ZerosAfterTheLastRecord_AreCut() // what a file extended by the FS but never written reads as
    {
        var segment = WriteBlocks(4);
        LogFiles.AppendBytes(segment, new byte[8192]);
        ReopenRecoversAndAppends(expectedHeight: 4);
    }

    [Fact]
    public void WholeRecordNeverIndexed_IsKeptAndIndexed() // fsync returned, crash before the index commit
    {
        var segment = WriteBlocks(4);
        LogFiles.AppendBytes(segment, LogFiles.Record(_chain[5]));
        using var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, _logger);
        StoreAssert.HoldsPrefix(_chain, store, 5);
    }

    [Theory]
    [InlineData(7)]  // crash while writing the new segment's header
    [InlineData(16)] // header whole, crash before the first record
    [InlineData(40)] // header and part of the first record
    public void CrashWhileStartingASegment_IsRepaired(int keep)
    {
        var options = new FileBlockStoreOptions { SegmentSize = 2048 };
        using (var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, options))
            foreach (var block in _chain.Take(6)) store.Append(block);
        var next = LogFiles.Segment(_dir.Path, LogFiles.Segments(_dir.Path).Length + 1);
        byte[] staged = [.. LogFormat.SegmentHeader(LogFiles.Segments(_dir.Path).Length + 1), .. LogFiles.Record(_chain[7])];
        File.WriteAllBytes(next, staged[..keep]);

        using (var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, options, _logger))
        {
            Assert.Equal(6UL, store.Height);
            store.Append(_chain[7]);
        }
        Assert.Equal(staged.Length, new FileInfo(next).Length); // repaired, then block 7 appended to it
        using var reopened = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, options);
        StoreAssert.HoldsPrefix(_chain, reopened, 7);
    }

    [Fact]
    public void DamageFollowedByAValidRecord_IsCorruptionNotATornTail()
    {
        var segment = WriteBlocks(4);
        var records = LogFiles.Records(segment);
        LogFiles.FlipByte(segment, records[3].Offset + 30); // block 4, the last one: but a valid record follows
        LogFiles.AppendBytes(segment, LogFiles.Record(_chain[5]));
        File.Delete(_dir.File(FileBlockStore.IndexFileName)); // so the scan starts before the damage

        var ex = Assert.Throws<BlockLogCorruptException>(() => FileBlockStore.Open(_dir.Path, CryptoSuites.Eth));
        Assert.Equal(records[3].Offset, ex.Offset);
        Assert.Contains("not a torn write", ex.Message, StringComparison.Ordinal);
    }

    private string WriteBlocks(int count)
    {
        using (var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth))
            foreach (var block in _chain.Take(count)) store.Append(block);
        return LogFiles.Segment(_dir.Path, 1);
    }

    private void ReopenRecoversAndAppends(ulong expectedHeight)
    {
        using (var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, _logger))
        {
            StoreAssert.HoldsPrefix(_chain, store, expectedHeight);
            store.Append(_chain[expectedHeight + 1]);
        }
        using var reopened = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth);
        StoreAssert.HoldsPrefix(_chain, reopened, expectedHeight + 1);
        var segment = LogFiles.Segment(_dir.Path, 1);
        Assert.Equal(LogFormat.SegmentHeaderSize + LogFiles.Records(segment).Sum(r => LogFormat.RecordHeaderSize + (long)r.Length),
            new FileInfo(segment).Length);
    }

    public void Dispose() => _dir.Dispose();
}
