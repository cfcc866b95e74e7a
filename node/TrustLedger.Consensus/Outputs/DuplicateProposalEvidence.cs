using TrustLedger.Consensus.Messages;

namespace TrustLedger.Consensus.Outputs;

/// <summary>Two different proposals from one round's proposer.</summary>
public sealed record DuplicateProposalEvidence(Proposal First, Proposal Second) : Evidence(First.Sender, First.Height, First.Round);
