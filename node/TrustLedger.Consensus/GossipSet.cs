using TrustLedger.Consensus.Messages;

namespace TrustLedger.Consensus;

/// <summary>
/// What the host should re-send to peers that may have missed it (after drops, partitions, restarts): the signed
/// messages of the rounds that matter at the current height, and the previous height's decision for a peer one
/// height behind. Peers further behind need block sync.
/// </summary>
public sealed record GossipSet(IReadOnlyList<ConsensusMessage> Messages, Decision? LastDecision);
