using TrustLedger.Consensus.Messages;

namespace TrustLedger.Consensus.Inputs;

/// <summary>A vote arrived from the network (signature not yet checked; the core checks it).</summary>
public sealed record VoteReceived(Vote Vote) : ConsensusInput;
