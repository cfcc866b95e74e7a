using TrustLedger.Node.Core.Storage;
using Xunit;

namespace TrustLedger.Node.Storage.Tests;

/// <summary>Checks a store against the chain it should hold: every block byte for byte, header and transaction.</summary>
internal static class StoreAssert
{
    public static void HoldsExactly(TestBlocks chain, IBlockStore store) => HoldsPrefix(chain, store, (ulong)chain.Blocks.Count);

    public static void HoldsPrefix(TestBlocks chain, IBlockStore store, ulong height)
    {
        Assert.Equal(height, store.Height);
        for (var h = 1UL; h <= height; h++)
        {
            var expected = chain[h];
            Assert.Equal(expected.Encode(), store.GetBlock(h)!.Encode());
            Assert.Equal(expected.Header, store.GetHeader(h));
            for (var i = 0; i < expected.Transactions.Count; i++)
                Assert.Equal(new TxLocation(h, i), store.FindTransaction(expected.Transactions[i].Id));
        }
        Assert.Null(store.GetBlock(height + 1));
        Assert.Null(store.FindTransaction(chain.Tx(height + 1, 0).Id));
        Assert.Equal((int)height, store.ReadBlocks(1).Count());
    }
}
