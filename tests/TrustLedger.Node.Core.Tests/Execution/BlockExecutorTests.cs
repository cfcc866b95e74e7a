using TrustLedger.Contracts.Anchors;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Tests.Support;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Node.Core.Tests.Execution;

/// <summary>Block validation against state: the same rules as admission, decided by block time and state only.</summary>
public sealed class BlockExecutorTests
{
    private readonly TestChain _chain = new();
    private long BlockTime => _chain.Time.GetUtcNow().ToUnixTimeMilliseconds();

    private ExecutionResult Run(params SignedTransaction[] txs) => _chain.Executor.Execute(_chain.Ledger.State, txs, 1, BlockTime);

    [Fact]
    public void Anchor_put_succeeds_with_the_payload_sha256_as_output()
    {
        var tx = _chain.Tx(payload: "record"u8.ToArray());
        var result = Run(tx);
        Assert.Single(result.Included);
        Assert.True(result.Receipts[0].Success);
        Assert.Equal(DigestHashFunction.Sha256.Hash("record"u8).ToArray(), result.Receipts[0].Output);
    }

    [Fact]
    public void Outsider_is_dropped_as_permission_denied_even_if_it_slipped_past_admission()
    {
        var result = Run(_chain.Tx(sender: _chain.Outsider));
        Assert.Empty(result.Included);
        Assert.Equal(ErrorCode.PermissionDenied, result.Dropped.Single().Code);
    }

    [Fact]
    public void Second_use_of_a_nonce_in_one_block_is_dropped()
    {
        var result = Run(_chain.Tx(nonce: 5), _chain.Tx(nonce: 5, payload: "other"u8.ToArray()));
        Assert.Single(result.Included);
        Assert.Equal(ErrorCode.AlreadyExists, result.Dropped.Single().Code);
    }

    [Fact]
    public void Same_nonce_from_different_senders_is_fine()
    {
        var result = Run(_chain.Tx(nonce: 5), _chain.Tx(sender: _chain.Bob, nonce: 5));
        Assert.Equal(2, result.Included.Count);
    }

    [Fact]
    public void Window_is_judged_by_block_time()
    {
        var tx = _chain.Tx(notAfter: TimeSpan.FromSeconds(1));
        var result = _chain.Executor.Execute(_chain.Ledger.State, [tx], 1, BlockTime + 5_000);
        Assert.Equal(ErrorCode.FailedPrecondition, result.Dropped.Single().Code);
    }

    [Fact]
    public void Contract_refusal_is_recorded_with_a_failed_receipt_and_writes_only_the_nonce()
    {
        var result = Run(_chain.Tx(type: AnchorContract.PutType, payload: []));
        Assert.Equal(ErrorCode.InvalidArgument, result.Receipts.Single().Code);
        Assert.Equal(1, result.Writes.WriteCount); // the consumed nonce, nothing else
    }

    [Fact]
    public void Execution_does_not_touch_committed_state()
    {
        var root = _chain.Ledger.State.Tree.Root;
        Run(_chain.Tx(), _chain.Tx());
        Assert.Equal(root, _chain.Ledger.State.Tree.Root);
    }
}
