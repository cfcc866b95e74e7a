using TrustLedger.Node.Core.Storage;
using TrustLedger.Node.Core.Tests.Support;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;
using Xunit;

namespace TrustLedger.Node.Core.Tests.Chain;

/// <summary>Readers that must only report durable values (live views) never see a block that is still being stored.</summary>
public sealed class DurableReadTests
{
    /// <summary>An in-memory store whose next append waits until the test lets it finish: a slow fsync.</summary>
    private sealed class GatedStore : IBlockStore
    {
        private readonly InMemoryBlockStore _inner = new();
        public readonly ManualResetEventSlim Appending = new(), Release = new();

        public ulong Height => _inner.Height;
        public void Append(Block block)
        {
            Appending.Set();
            Release.Wait(TimeSpan.FromSeconds(30));
            _inner.Append(block);
        }
        public Block? GetBlock(ulong height) => _inner.GetBlock(height);
        public BlockHeader? GetHeader(ulong height) => _inner.GetHeader(height);
        public TxLocation? FindTransaction(Hash32 txId) => _inner.FindTransaction(txId);
        public IEnumerable<Block> ReadBlocks(ulong fromHeight) => _inner.ReadBlocks(fromHeight);
        public void Dispose() => _inner.Dispose();
    }

    [Fact]
    public async Task State_applied_but_not_yet_stored_is_not_readable_as_durable()
    {
        var store = new GatedStore();
        var chain = new TestChain(store: store);
        Assert.True(chain.Ledger.TryReadDurable((_, head) => head, out var genesisHead));
        Assert.Null(genesisHead);

        Assert.True(chain.Admission.Admit(chain.Tx()).Accepted);
        var producing = Task.Run(() => chain.Blocks.ProduceBlock());
        Assert.True(store.Appending.Wait(TimeSpan.FromSeconds(30)));

        var read = false;
        Assert.False(chain.Ledger.TryReadDurable((_, _) => read = true, out _));
        Assert.False(read);
        Assert.Equal(0ul, chain.Ledger.Height);

        store.Release.Set();
        var outcome = await producing.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(chain.Ledger.TryReadDurable((_, head) => head!.Header.Height, out var height));
        Assert.Equal(outcome!.Block!.Height, height);
    }
}
