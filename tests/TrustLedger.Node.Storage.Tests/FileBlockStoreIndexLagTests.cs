using TrustLedger.Node.Core.Storage;
using TrustLedger.Protocol.Crypto;
using Xunit;

namespace TrustLedger.Node.Storage.Tests;

/// <summary>
/// Append returns once the block is in the log; the index follows on the store's own thread. While it lags, every read
/// is answered from memory exactly as the index would answer it (first occurrence of a repeated id included), the
/// writer waits once the backlog is full, and Dispose indexes what is left.
/// </summary>
public sealed class FileBlockStoreIndexLagTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestBlocks _chain = new();

    [Fact]
    public void WhileTheIndexLags_ReadsAnswerFromMemory_ThenFromTheIndex_ThenAfterReopening()
    {
        using var gate = new ManualResetEventSlim(false);
        var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, new FileBlockStoreOptions { IndexGate = gate, RecentBlocks = 1 });
        try
        {
            foreach (var block in _chain.Take(3)) store.Append(block);
            var replayed = _chain.Blocks[0].Transactions[1];
            var fresh = _chain.Tx(4, 7);
            store.Append(_chain.Next([replayed, fresh, fresh]));
            Assert.Equal(0UL, store.IndexedHeight);
            AssertHolds(store, replayed, fresh);

            gate.Set();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (store.IndexedHeight < 4)
            {
                Assert.True(DateTime.UtcNow < deadline, "the index never caught up");
                Thread.Sleep(10);
            }
            AssertHolds(store, replayed, fresh);
        }
        finally
        {
            gate.Set();
            store.Dispose();
        }
        using var reopened = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth);
        AssertHolds(reopened, _chain.Blocks[0].Transactions[1], _chain.Tx(4, 7));
    }

    [Fact]
    public async Task AFullBacklog_HoldsTheWriter_AndDisposeIndexesTheRest()
    {
        using var gate = new ManualResetEventSlim(false);
        var blocks = _chain.Take(70);
        var store = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth, new FileBlockStoreOptions { IndexGate = gate });
        try
        {
            var writer = Task.Run(() =>
            {
                foreach (var block in blocks) store.Append(block);
            });
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (store.Height < 64)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the writer stalled at {store.Height}");
                await Task.Delay(10);
            }
            await Task.Delay(200); // a writer that ignored the bound would be well past 64 by now
            Assert.False(writer.IsCompleted, "the writer went past a full backlog");
            Assert.Equal(64UL, store.Height);

            gate.Set();
            await writer.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            gate.Set();
            store.Dispose();
        }
        Assert.True(File.Exists(_dir.File(FileBlockStore.IndexFileName)));
        using var reopened = FileBlockStore.Open(_dir.Path, CryptoSuites.Eth);
        Assert.Equal(70UL, reopened.IndexedHeight); // nothing left to re-index
        StoreAssert.HoldsExactly(_chain, reopened);
    }

    private void AssertHolds(IBlockStore store, Protocol.Ledger.SignedTransaction replayed, Protocol.Ledger.SignedTransaction fresh)
    {
        Assert.Equal(4UL, store.Height);
        for (var h = 1UL; h <= 4; h++)
        {
            Assert.Equal(_chain[h].Encode(), store.GetBlock(h)!.Encode());
            Assert.Equal(_chain[h].Header, store.GetHeader(h));
        }
        Assert.Equal(new TxLocation(1, 1), store.FindTransaction(replayed.Id));
        Assert.Equal(new TxLocation(4, 4), store.FindTransaction(fresh.Id));
        Assert.Equal(new TxLocation(3, 2), store.FindTransaction(_chain.Blocks[2].Transactions[2].Id));
        Assert.Null(store.FindTransaction(_chain.Tx(5, 0).Id));
        Assert.Equal(4, store.ReadBlocks(1).Count());
    }

    public void Dispose() => _dir.Dispose();
}
