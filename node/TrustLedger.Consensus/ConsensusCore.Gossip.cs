using TrustLedger.Consensus.Messages;

namespace TrustLedger.Consensus;

// Tendermint assumes gossip eventually delivers every message to every correct process. The core does not retry;
// the host re-sends this set when the node stalls, so drops and partitions cost time, never liveness.
public sealed partial class ConsensusCore
{
    /// <summary>
    /// Signed messages worth re-sending: everything held for the current, previous, valid and locked rounds of the
    /// current height (proposals, POL prevotes, precommits), plus the last decision. Read-only; not written ahead.
    /// </summary>
    public GossipSet Gossip()
    {
        var rounds = new SortedSet<int> { Round, Round - 1, ValidRound, LockedRound };
        var messages = new List<ConsensusMessage>();
        foreach (var round in rounds)
            if (round >= 0 && _rounds.TryGetValue(round, out var state)) messages.AddRange(state.Messages());
        return new GossipSet(messages, LastDecision);
    }
}
