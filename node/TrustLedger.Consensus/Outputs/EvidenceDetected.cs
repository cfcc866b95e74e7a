namespace TrustLedger.Consensus.Outputs;

/// <summary>A validator signed two conflicting messages; the host may store or gossip the evidence (e.g. for governance).</summary>
public sealed record EvidenceDetected(Evidence Evidence) : ConsensusOutput;
