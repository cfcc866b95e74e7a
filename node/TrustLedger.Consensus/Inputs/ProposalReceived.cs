using TrustLedger.Consensus.Messages;

namespace TrustLedger.Consensus.Inputs;

/// <summary>A proposal arrived from the network (signature not yet checked; the core checks it).</summary>
public sealed record ProposalReceived(Proposal Proposal) : ConsensusInput;
