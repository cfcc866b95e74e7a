namespace TrustLedger.Node.Grains;

/// <summary>A follower's single chain mutator: one grain turn checks, stores and publishes one peer block.</summary>
public interface IChainGrain : IGrainWithIntegerKey
{
    /// <summary>Verifies and applies a peer's committed block (canonical encoding); throws if it does not check out.</summary>
    Task ImportBlock(byte[] encodedBlock);
}
