using TrustLedger.Node.Core.Mempool;
using TrustLedger.Node.Core.Tests.Support;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Node.Core.Tests.Chain;

public sealed class TxPoolTests
{
    private readonly TestChain _chain = new();

    [Fact]
    public void Full_pool_refuses_with_resource_exhausted()
    {
        var pool = new TxPool(capacity: 2);
        pool.TryAdd(_chain.Tx());
        pool.TryAdd(_chain.Tx());
        var (_, rejection) = pool.TryAdd(_chain.Tx());
        Assert.Equal(ErrorCode.ResourceExhausted, rejection!.Code);
    }

    [Fact]
    public void Take_respects_count_and_byte_limits_in_arrival_order()
    {
        var pool = new TxPool(capacity: 100);
        var txs = Enumerable.Range(0, 5).Select(_ => _chain.Tx()).ToArray();
        foreach (var tx in txs) pool.TryAdd(tx);
        var firstTwo = pool.Take(2, int.MaxValue);
        Assert.Equal(txs[..2].Select(t => t.Id), firstTwo.Select(t => t.Id));
        var oneByBytes = pool.Take(10, txs[2].EncodedSize);
        Assert.Single(oneByBytes);
        Assert.Equal(2, pool.Count);
    }

    [Fact]
    public void Nonce_stays_reserved_until_released()
    {
        var pool = new TxPool(capacity: 100);
        var tx = _chain.Tx(nonce: 9);
        pool.TryAdd(tx);
        pool.Take(10, int.MaxValue);
        Assert.NotNull(pool.TryAdd(_chain.Tx(nonce: 9, payload: "x"u8.ToArray())).Rejection);
        pool.Release([tx]);
        Assert.Null(pool.TryAdd(_chain.Tx(nonce: 9, payload: "x"u8.ToArray())).Rejection);
    }

    [Fact]
    public async Task WhenNotEmpty_completes_on_first_add()
    {
        var pool = new TxPool(capacity: 10);
        var signal = pool.WhenNotEmpty();
        Assert.False(signal.IsCompleted);
        pool.TryAdd(_chain.Tx());
        await signal.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
