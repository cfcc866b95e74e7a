namespace TrustLedger.Consensus;

/// <summary>The step within a round. Ordered: a round only moves forward through them. Numeric values are in WAL records.</summary>
public enum RoundStep : byte
{
    Propose = 1,
    Prevote = 2,
    Precommit = 3,
}
