using TrustLedger.Node.Hosting;

namespace TrustLedger.Node.Grains;

/// <summary>
/// A follower's mailbox around its <see cref="Core.Chain.BlockImporter"/>: Orleans runs one turn at a time, so imported
/// blocks reach the ledger one by one. On a validator the consensus driver is the ledger's only writer instead.
/// </summary>
public sealed class ChainGrain(NodeRuntime runtime) : Grain, IChainGrain
{
    public const long Id = 0;

    public Task ImportBlock(byte[] encodedBlock)
    {
        var block = Protocol.Ledger.Block.Decode(encodedBlock, runtime.Chain.Suite);
        runtime.Feed.Publish(runtime.Importer.Import(block));
        return Task.CompletedTask;
    }
}
