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
}
