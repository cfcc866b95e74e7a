using Microsoft.Extensions.Logging;
using TrustLedger.Protocol.Crypto;
using Xunit;

namespace TrustLedger.Node.Storage.Tests;

/// <summary>The LiteDB index is derived data: lost, damaged or behind, it is rebuilt from the log with the same answers.</summary>
public sealed class FileBlockStoreIndexRecoveryTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestBlocks _chain = new();
    private readonly CapturingLogger _logger = new();
    private readonly List<RecoveryProgress> _progress = [];

    private string IndexPath => _dir.File(FileBlockStore.IndexFileName);

    [Fact]
    public void IndexDeleted_IsRebuiltWithTheSameAnswers()
    {
        WriteBlocks(12);
        File.Delete(IndexPath);

        using var store = Open();
        StoreAssert.HoldsExactly(_chain, store);
        Assert.Equal(12UL, _progress[^1].BlocksIndexed);
        Assert.Equal(_progress[^1].BytesTotal, _progress[^1].BytesRead);
        Assert.True(_logger.Logged(LogLevel.Information, "Re-indexed 12 blocks (heights 1..12)"));
    }

    [Fact]
    public void IndexUnreadable_IsRebuilt()
    {
        WriteBlocks(6);
        var garbage = new byte[16384];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(IndexPath, garbage);

        using var store = Open();
        StoreAssert.HoldsExactly(_chain, store);
        Assert.True(_logger.Logged(LogLevel.Warning, "rebuilt from the block log"));
    }

    [Fact]
    public void IndexBehindTheLog_ReindexesOnlyTheRest()
    {
        WriteBlocks(3);
        var saved = _dir.File("index-at-3.db");
        File.Copy(IndexPath, saved); // a clean dispose checkpoints LiteDB into this one file
        WriteBlocks(6);
        File.Copy(saved, IndexPath, overwrite: true); // as if LiteDB's last commits never reached the disk

        using var store = Open();
        StoreAssert.HoldsExactly(_chain, store);
        Assert.Equal(new RecoveryProgress(3, 6, _progress[^1].BytesTotal, _progress[^1].BytesTotal), _progress[^1]);
        Assert.True(_logger.Logged(LogLevel.Information, "re-indexing from height 4"));
    }

    [Fact]
    public void IndexRebuilt_WithCollidingKeys_SameAnswers()
    {
        var options = new FileBlockStoreOptions { TxKeyBytes = 1 };
        var chain = new TestBlocks(CryptoSuites.Eth, txsPerBlock: 40, sign: false);
        using (var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, options))
            foreach (var block in chain.Take(10)) store.Append(block);
        File.Delete(IndexPath);

        using var rebuilt = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, options);
        StoreAssert.HoldsExactly(chain, rebuilt);
    }

    [Fact]
    public void IndexWithOtherKeyWidth_IsRebuilt()
    {
        using (var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, new FileBlockStoreOptions { TxKeyBytes = 2 }))
            foreach (var block in _chain.Take(3)) store.Append(block);
        using var reopened = Open();
        StoreAssert.HoldsExactly(_chain, reopened);
        Assert.True(_logger.Logged(LogLevel.Warning, "rebuilt from the block log"));
    }

    [Fact]
    public void RebuildIndexOption_RebuildsEverything()
    {
        WriteBlocks(4);
        using var store = Open(new FileBlockStoreOptions { RebuildIndex = true });
        StoreAssert.HoldsExactly(_chain, store);
        Assert.Equal(4UL, _progress[^1].BlocksIndexed);
    }

    [Fact]
    public void LongReindex_ReportsProgressPerBatch()
    {
        var chain = new TestBlocks(CryptoSuites.Eth, txsPerBlock: 1, sign: false);
        using (var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth))
            foreach (var block in chain.Take(600)) store.Append(block);
        File.Delete(IndexPath);

        using (var store = Open())
            StoreAssert.HoldsExactly(chain, store);
        Assert.Equal([256UL, 512UL, 600UL], _progress.Select(p => p.BlocksIndexed));
        Assert.Equal([256UL, 512UL, 600UL], _progress.Select(p => p.Height));
    }

    private FileBlockStore Open(FileBlockStoreOptions? options = null) =>
        FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, new FileBlockStoreOptions
        {
            RebuildIndex = options?.RebuildIndex ?? false,
            Progress = new SyncProgress<RecoveryProgress>(_progress.Add),
        }, _logger);

    private void WriteBlocks(int upTo)
    {
        using var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth);
        for (var h = store.Height + 1; h <= (ulong)upTo; h++) store.Append(_chain[h]);
    }

    public void Dispose() => _dir.Dispose();
}
