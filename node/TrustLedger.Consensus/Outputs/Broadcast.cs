using TrustLedger.Consensus.Messages;

namespace TrustLedger.Consensus.Outputs;

/// <summary>Send this signed message to every validator peer. The core has already counted it locally.</summary>
public sealed record Broadcast(ConsensusMessage Message) : ConsensusOutput;
