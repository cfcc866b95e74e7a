namespace TrustLedger.Consensus.Outputs;

/// <summary>The height is final: commit the value with its certificate. Heights are decided in order, each exactly once per core lifetime.</summary>
public sealed record Decided(Decision Decision) : ConsensusOutput;
