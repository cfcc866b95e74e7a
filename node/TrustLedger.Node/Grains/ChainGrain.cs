using TrustLedger.Node.Hosting;

namespace TrustLedger.Node.Grains;

/// <summary>
/// Thin mailbox around the pure validator core: Orleans guarantees one turn at a time, so the ledger has
/// exactly one writer. Consensus messages from peers will arrive here too.
/// </summary>
public sealed class ChainGrain(NodeRuntime runtime) : Grain, IChainGrain
{
    public const long Id = 0;

    public Task<int> ProduceBlock()
    {
        if (runtime.Validator is null) return Task.FromResult(0);
        var outcome = runtime.Validator.ProduceBlock();
        if (outcome is null) return Task.FromResult(0);
        runtime.Feed.Publish(outcome);
        return Task.FromResult(outcome.Block?.Transactions.Count ?? 0);
    }

    public Task ImportBlock(byte[] encodedBlock)
    {
        var block = Protocol.Ledger.Block.Decode(encodedBlock, runtime.Chain.Suite);
        runtime.Feed.Publish(runtime.Importer.Import(block));
        return Task.CompletedTask;
    }
}
