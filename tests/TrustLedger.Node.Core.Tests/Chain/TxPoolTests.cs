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
    public void Peek_respects_count_and_byte_limits_in_arrival_order()
    {
        var pool = new TxPool(capacity: 100);
        var txs = Enumerable.Range(0, 5).Select(_ => _chain.Tx()).ToArray();
        foreach (var tx in txs) pool.TryAdd(tx);
        Assert.Equal(txs[..2].Select(t => t.Id), pool.Peek(2, int.MaxValue).Select(t => t.Id));
        Assert.Single(pool.Peek(10, txs[0].EncodedSize));
        Assert.Equal(5, pool.Count);
    }

    [Fact]
    public void Nonce_stays_reserved_until_its_transaction_is_committed()
    {
        var pool = new TxPool(capacity: 100);
        var tx = _chain.Tx(nonce: 9);
        pool.TryAdd(tx);
        Assert.NotNull(pool.TryAdd(_chain.Tx(nonce: 9, payload: "x"u8.ToArray())).Rejection);
        pool.RemoveCommitted([tx]);
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

public sealed class TxPoolConsensusTests
{
    private readonly TestChain _chain = new();

    [Fact]
    public void Peek_leaves_transactions_in_the_pool_in_arrival_order()
    {
        var pool = new TxPool(capacity: 100);
        var txs = Enumerable.Range(0, 4).Select(_ => _chain.Tx()).ToArray();
        foreach (var tx in txs) pool.TryAdd(tx);
        Assert.Equal(txs[..3].Select(t => t.Id), pool.Peek(3, int.MaxValue).Select(t => t.Id));
        Assert.Equal(txs.Select(t => t.Id), pool.Peek(10, int.MaxValue).Select(t => t.Id));
        Assert.Equal(4, pool.Count);
    }

    [Fact]
    public void RemoveCommitted_drops_them_and_a_pending_twin_of_their_nonce_and_frees_the_nonce()
    {
        var pool = new TxPool(capacity: 100);
        var kept = _chain.Tx();
        var pendingTwin = _chain.Tx(nonce: 50, payload: "ours"u8.ToArray());
        var committedElsewhere = _chain.Tx(nonce: 50, payload: "theirs"u8.ToArray()); // same nonce, another proposer's block
        pool.TryAdd(kept);
        pool.TryAdd(pendingTwin);
        pool.RemoveCommitted([committedElsewhere]);
        Assert.Equal([kept.Id], pool.Peek(10, int.MaxValue).Select(t => t.Id));
        Assert.False(pool.Contains(pendingTwin.Id));
        Assert.Equal(TxPool.AddOutcome.Added, pool.TryAdd(_chain.Tx(nonce: 50, payload: "again"u8.ToArray())).Outcome);
    }

    [Fact]
    public void HoldsVerified_needs_the_same_signature_bytes_not_just_the_id()
    {
        var pool = new TxPool(capacity: 100);
        var tx = _chain.Tx();
        pool.TryAdd(tx);
        var forged = SignedTransaction.Create(tx.Body, tx.Signature.Select(b => (byte)(b ^ 1)).ToArray(), _chain.Suite);
        Assert.Equal(tx.Id, forged.Id); // the id covers the signed bytes only
        Assert.True(pool.HoldsVerified(tx));
        Assert.False(pool.HoldsVerified(forged));
    }

    [Fact]
    public void Removed_transactions_never_come_back_from_peek_and_the_pool_signals_empty()
    {
        var pool = new TxPool(capacity: 100);
        var txs = Enumerable.Range(0, 3).Select(_ => _chain.Tx()).ToArray();
        foreach (var tx in txs) pool.TryAdd(tx);
        pool.Remove([txs[1].Id]);
        Assert.Equal([txs[0].Id, txs[2].Id], pool.Peek(10, int.MaxValue).Select(t => t.Id));
        pool.RemoveCommitted([txs[0], txs[2]]);
        Assert.Empty(pool.Peek(10, int.MaxValue));
        Assert.False(pool.WhenNotEmpty().IsCompleted);
    }
}
