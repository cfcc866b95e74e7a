namespace TrustLedger.Node.Grains;

/// <summary>The node's single chain mutator. One grain turn cuts, executes, stores and publishes one block.</summary>
public interface IChainGrain : IGrainWithIntegerKey
{
    /// <summary>Produces one block from the mempool; returns the number of transactions committed (0 if none).</summary>
    Task<int> ProduceBlock();

    /// <summary>Verifies and applies a peer's committed block (canonical encoding); throws if it does not check out.</summary>
    Task ImportBlock(byte[] encodedBlock);
}
