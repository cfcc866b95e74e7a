using TrustLedger.Node.Core.Storage;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;
using Xunit;

namespace TrustLedger.Node.Storage.Tests;

/// <summary>
/// What every <see cref="IBlockStore"/> must do. Each implementation derives a class that supplies
/// <see cref="CreateStore"/>; the store it returns is disposed by this class.
/// </summary>
public abstract class BlockStoreConformanceTests : IDisposable
{
    private readonly List<IBlockStore> _stores = [];
    private readonly TestBlocks _chain = new();

    /// <summary>A new, empty store.</summary>
    protected abstract IBlockStore CreateStore();

    private IBlockStore NewStore()
    {
        var store = CreateStore();
        _stores.Add(store);
        return store;
    }

    private IBlockStore StoreWith(int blocks)
    {
        var store = NewStore();
        foreach (var block in _chain.Take(blocks)) store.Append(block);
        return store;
    }

    [Fact]
    public void EmptyStore_HasHeightZeroAndNothingToRead()
    {
        var store = NewStore();
        Assert.Equal(0UL, store.Height);
        Assert.Null(store.GetBlock(0));
        Assert.Null(store.GetBlock(1));
        Assert.Null(store.GetHeader(1));
        Assert.Null(store.FindTransaction(_chain.Tx(1, 0).Id));
        Assert.Empty(store.ReadBlocks(0));
        Assert.Empty(store.ReadBlocks(1));
    }

    [Fact]
    public void AppendedBlocks_ReadBackByteForByte()
    {
        var store = StoreWith(8);
        Assert.Equal(8UL, store.Height);
        foreach (var expected in _chain.Blocks)
            Assert.Equal(expected.Encode(), store.GetBlock(expected.Height)!.Encode());
        Assert.Null(store.GetBlock(0));
        Assert.Null(store.GetBlock(9));
    }

    [Fact]
    public void AppendAtWrongHeight_ThrowsAndChangesNothing()
    {
        var store = NewStore();
        var blocks = _chain.Take(3);
        Assert.Throws<InvalidOperationException>(() => store.Append(blocks[1]));
        store.Append(blocks[0]);
        Assert.Throws<InvalidOperationException>(() => store.Append(blocks[0]));
        Assert.Throws<InvalidOperationException>(() => store.Append(blocks[2]));

        Assert.Equal(1UL, store.Height);
        Assert.Null(store.GetBlock(2));
        Assert.Null(store.FindTransaction(blocks[2].Transactions[0].Id));
        store.Append(blocks[1]); // the rejected attempts left nothing behind
        Assert.Equal(blocks[1].Encode(), store.GetBlock(2)!.Encode());
    }

    [Fact]
    public void FindTransaction_LocatesEveryCommittedTransaction()
    {
        var store = StoreWith(5);
        foreach (var block in _chain.Blocks)
            for (var i = 0; i < block.Transactions.Count; i++)
                Assert.Equal(new TxLocation(block.Height, i), store.FindTransaction(block.Transactions[i].Id));
        Assert.Null(store.FindTransaction(_chain.Tx(6, 0).Id));
        Assert.Null(store.FindTransaction(Hash32.Zero));
    }

    [Fact]
    public void FindTransaction_RepeatedId_FirstOccurrenceWins()
    {
        var store = StoreWith(2);
        var replayed = _chain.Blocks[0].Transactions[1];
        var fresh = _chain.Tx(3, 7);
        store.Append(_chain.Next([replayed, fresh, fresh])); // a replay across blocks and one within the block
        Assert.Equal(new TxLocation(1, 1), store.FindTransaction(replayed.Id));
        Assert.Equal(new TxLocation(3, 4), store.FindTransaction(fresh.Id));
        Assert.Equal(new TxLocation(3, 0), store.FindTransaction(_chain.Blocks[2].Transactions[0].Id));
        Assert.Equal(_chain.Blocks[2].Encode(), store.GetBlock(3)!.Encode());
    }

    [Fact]
    public void GetHeader_ReturnsTheAppendedHeader()
    {
        var store = StoreWith(4);
        foreach (var block in _chain.Blocks)
            Assert.Equal(block.Header, store.GetHeader(block.Height));
        Assert.Null(store.GetHeader(0));
        Assert.Null(store.GetHeader(5));
    }

    [Theory]
    [InlineData(0UL, 1UL)]
    [InlineData(1UL, 1UL)]
    [InlineData(4UL, 4UL)]
    [InlineData(7UL, 7UL)]
    [InlineData(8UL, 9UL)]
    [InlineData(100UL, 101UL)]
    public void ReadBlocks_FromK_ReturnsKThroughHeightInOrder(ulong from, ulong firstExpected)
    {
        var store = StoreWith(7);
        var read = store.ReadBlocks(from).Select(b => b.Encode()).ToList();
        var expected = _chain.Blocks.Where(b => b.Height >= firstExpected).Select(b => b.Encode()).ToList();
        Assert.Equal(expected, read);
    }

    [Fact]
    public void ReadBlocks_StopsAtTheHeightWhenEnumerationStarted()
    {
        var store = StoreWith(3);
        using var reader = store.ReadBlocks(2).GetEnumerator();
        Assert.True(reader.MoveNext());
        store.Append(_chain.Next());
        Assert.True(reader.MoveNext());
        Assert.Equal(3UL, reader.Current.Height);
        Assert.False(reader.MoveNext());
        Assert.Equal(4, store.ReadBlocks(1).Count());
    }

    [Fact]
    public async Task ConcurrentReaders_WhileAppending_SeeOnlyWholeBlocks()
    {
        const int blocks = 60;
        var store = NewStore();
        var chain = _chain.Take(blocks);
        using var writerDone = new ManualResetEventSlim();
        using var start = new Barrier(4);
        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(() =>
        {
            start.SignalAndWait();
            var checks = 0;
            while (true)
            {
                var finished = writerDone.IsSet; // one more full pass after the writer is done
                var height = store.Height;
                if (height > 0)
                {
                    var tip = chain[(int)height - 1];
                    Assert.Equal(tip.Encode(), store.GetBlock(height)!.Encode());
                    Assert.Equal(tip.Header, store.GetHeader(height));
                    Assert.Equal(new TxLocation(height, 0), store.FindTransaction(tip.Transactions[0].Id));
                    var older = (ulong)(checks * (r + 1) % (int)height) + 1;
                    Assert.Equal(chain[(int)older - 1].Encode(), store.GetBlock(older)!.Encode());
                    Assert.True(store.ReadBlocks(older).Count() >= (int)(height - older + 1));
                    checks++;
                }
                if (finished) return checks;
            }
        })).ToArray();

        start.SignalAndWait();
        foreach (var block in chain) store.Append(block);
        writerDone.Set();

        var counts = await Task.WhenAll(readers);
        Assert.All(counts, c => Assert.True(c > 0));
        Assert.Equal((ulong)blocks, store.Height);
    }

    [Fact]
    public void DisposedStore_RefusesUse()
    {
        var store = StoreWith(1);
        store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => store.GetBlock(1));
        Assert.Throws<ObjectDisposedException>(() => store.Append(_chain.Next()));
        store.Dispose(); // twice is fine
    }

    public virtual void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
        GC.SuppressFinalize(this);
    }
}
