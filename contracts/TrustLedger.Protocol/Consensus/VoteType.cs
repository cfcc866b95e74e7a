namespace TrustLedger.Protocol.Consensus;

/// <summary>The two voting phases of a round. The numeric values are part of the signed bytes.</summary>
public enum VoteType : byte
{
    Prevote = 1,
    Precommit = 2,
}
