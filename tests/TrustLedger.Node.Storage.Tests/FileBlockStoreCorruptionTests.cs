using TrustLedger.Protocol.Crypto;
using Xunit;

namespace TrustLedger.Node.Storage.Tests;

/// <summary>Damage a crash cannot explain: the store refuses to open (or to serve the block), naming file and offset.</summary>
public sealed class FileBlockStoreCorruptionTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestBlocks _chain = new();

    [Fact]
    public void FlippedByteMidLog_IndexLost_OpenRefusesNamingFileAndOffset()
    {
        var (segment, records) = WriteBlocks(5);
        LogFiles.FlipByte(segment, records[1].Offset + LogFormat.RecordHeaderSize + 50);
        File.Delete(_dir.File(FileBlockStore.IndexFileName));

        var ex = Assert.Throws<BlockLogCorruptException>(() => FileBlockStore.Open(_dir.Path, CryptoSuites.Eth));
        Assert.Equal(segment, ex.FilePath);
        Assert.Equal(records[1].Offset, ex.Offset);
        Assert.Contains("checksum mismatch", ex.Message, StringComparison.Ordinal);
        Assert.Equal(records.Count, LogFiles.Records(segment).Count); // nothing was cut
    }

    [Fact]
    public void BrokenRecordMagicMidLog_OpenRefuses()
    {
        var (segment, records) = WriteBlocks(5);
        LogFiles.FlipByte(segment, records[2].Offset);
        File.Delete(_dir.File(FileBlockStore.IndexFileName));

        var ex = Assert.Throws<BlockLogCorruptException>(() => FileBlockStore.Open(_dir.Path, CryptoSuites.Eth));
        Assert.Equal(records[2].Offset, ex.Offset);
        Assert.Contains("bad record magic", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FlippedByteMidLog_IndexIntact_ThatBlockFailsToReadOthersServe()
    {
        var (segment, records) = WriteBlocks(5);
        LogFiles.FlipByte(segment, records[1].Offset + LogFormat.RecordHeaderSize + 50);

        using var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth); // only the index's tail is checked on open
        var ex = Assert.Throws<BlockLogCorruptException>(() => store.GetBlock(2));
        Assert.Equal(records[1].Offset, ex.Offset);
        Assert.Equal(_chain[3].Encode(), store.GetBlock(3)!.Encode());
        Assert.Throws<BlockLogCorruptException>(() => store.ReadBlocks(1).ToList());
    }

    [Fact]
    public void FlippedByteMidLog_VerifyLog_OpenRefuses()
    {
        var (segment, records) = WriteBlocks(5);
        LogFiles.FlipByte(segment, records[1].Offset + LogFormat.RecordHeaderSize + 50);

        var ex = Assert.Throws<BlockLogCorruptException>(() =>
            FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, new FileBlockStoreOptions { VerifyLog = true }));
        Assert.Equal(records[1].Offset, ex.Offset);
    }

    [Fact]
    public void DamagedLastRecordThatWasAcknowledged_IsNotMistakenForATornWrite()
    {
        var (segment, records) = WriteBlocks(5);
        LogFiles.FlipByte(segment, records[4].Offset + LogFormat.RecordHeaderSize + 50);

        var ex = Assert.Throws<BlockLogCorruptException>(() => FileBlockStore.Open(_dir.Path, CryptoSuites.Eth));
        Assert.Equal(records[4].Offset, ex.Offset);
        Assert.Equal(5, LogFiles.Records(segment).Count);
    }

    [Fact]
    public void LogShorterThanIndex_OpenRefuses()
    {
        var (segment, records) = WriteBlocks(5);
        LogFiles.Truncate(segment, records[4].Offset); // block 5 was acknowledged, and is gone

        var ex = Assert.Throws<BlockLogCorruptException>(() => FileBlockStore.Open(_dir.Path, CryptoSuites.Eth));
        Assert.Contains("ends before it", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSegmentFile_OpenRefuses()
    {
        var options = new FileBlockStoreOptions { SegmentSize = 2048 };
        using (var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, options))
            foreach (var block in _chain.Take(12)) store.Append(block);
        Assert.True(LogFiles.Segments(_dir.Path).Length >= 3);
        File.Delete(LogFiles.Segment(_dir.Path, 2));

        var ex = Assert.Throws<BlockLogCorruptException>(() => FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, options));
        Assert.Equal(LogFiles.Segment(_dir.Path, 2), ex.FilePath);
        Assert.Contains("missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DamagedSegmentHeader_OpenRefuses()
    {
        var (segment, _) = WriteBlocks(2);
        LogFiles.FlipByte(segment, 3);
        var ex = Assert.Throws<BlockLogCorruptException>(() => FileBlockStore.Open(_dir.Path, CryptoSuites.Eth));
        Assert.Equal(0L, ex.Offset);
    }

    private (string Segment, List<(long Offset, int Length)> Records) WriteBlocks(int count)
    {
        using (var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth))
            foreach (var block in _chain.Take(count)) store.Append(block);
        var segment = LogFiles.Segment(_dir.Path, 1);
        return (segment, LogFiles.Records(segment));
    }

    public void Dispose() => _dir.Dispose();
}
