namespace TrustLedger.Protocol.Consensus;

/// <summary>Bounds every consensus message and certificate obeys.</summary>
public static class ConsensusLimits
{
    /// <summary>Highest round a message or certificate may carry; keeps round arithmetic far from overflow.</summary>
    public const int MaxRound = int.MaxValue / 4;
}
