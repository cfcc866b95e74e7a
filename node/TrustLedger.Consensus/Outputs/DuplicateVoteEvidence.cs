using TrustLedger.Consensus.Messages;

namespace TrustLedger.Consensus.Outputs;

/// <summary>Two different votes of one type from one validator at one height and round.</summary>
public sealed record DuplicateVoteEvidence(Vote First, Vote Second) : Evidence(First.Sender, First.Height, First.Round);
