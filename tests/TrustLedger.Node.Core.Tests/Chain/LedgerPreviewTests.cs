using TrustLedger.Node.Core.Tests.Support;
using Xunit;

namespace TrustLedger.Node.Core.Tests.Chain;

/// <summary>Previewing a candidate block predicts its header exactly and leaves the ledger untouched (BFT validators vote on previews).</summary>
public sealed class LedgerPreviewTests
{
    private readonly TestChain _chain = new();

    [Fact]
    public void Preview_predicts_the_committed_header_and_changes_nothing()
    {
        _chain.Commit(_chain.Tx(), _chain.Tx(sender: _chain.Bob));
        var ledger = _chain.Ledger;
        var (stateRoot, logRoot, logSize) = (ledger.State.Tree.Root, ledger.Log.Root, ledger.Log.Size);

        var txs = new[] { _chain.Tx(), _chain.Tx(), _chain.Tx(sender: _chain.Bob) };
        var time = _chain.Time.GetUtcNow().ToUnixTimeMilliseconds() + 50;
        var execution = _chain.Executor.Execute(ledger.State, txs, ledger.Height + 1, time);
        var preview = ledger.Preview(execution, time, _chain.Validator.Address);

        Assert.Equal(stateRoot, ledger.State.Tree.Root);
        Assert.Equal(logRoot, ledger.Log.Root);
        Assert.Equal(logSize, ledger.Log.Size);
        Assert.Equal(ledger.Height, ledger.StateHeight);

        var applied = ledger.Apply(execution, time, _chain.Validator.Address);
        Assert.Equal(applied, preview);
    }

    [Fact]
    public void Only_a_previewed_execution_is_taken_as_previewed_any_other_is_applied_write_by_write()
    {
        var ledger = _chain.Ledger;
        var time = _chain.Time.GetUtcNow().ToUnixTimeMilliseconds() + 50;
        var bobs = new[] { _chain.Tx(sender: _chain.Bob) };
        var other = _chain.Executor.Execute(ledger.State, [_chain.Tx(), _chain.Tx()], ledger.Height + 1, time);
        var decided = _chain.Executor.Execute(ledger.State, bobs, ledger.Height + 1, time);
        var otherPreview = ledger.Preview(other, time, _chain.Validator.Address);
        var decidedPreview = ledger.Preview(decided, time, _chain.Validator.Address);
        Assert.NotEqual(otherPreview.StateRoot, decidedPreview.StateRoot);

        // The decided value re-executed (as after a restart): no preview of this execution exists, so its writes are
        // applied one by one, and neither preview's tree leaks into the state.
        var reExecuted = _chain.Executor.Execute(ledger.State, bobs, ledger.Height + 1, time);
        Assert.Equal(decidedPreview, ledger.Apply(reExecuted, time, _chain.Validator.Address));
        ledger.SetHead(decidedPreview);

        var next = _chain.Executor.Execute(ledger.State, [_chain.Tx()], ledger.Height + 1, time + 1);
        var nextPreview = ledger.Preview(next, time + 1, _chain.Validator.Address);
        Assert.Equal(nextPreview, ledger.Apply(next, time + 1, _chain.Validator.Address));
    }
}
