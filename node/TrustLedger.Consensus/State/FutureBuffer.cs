using TrustLedger.Consensus.Messages;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.State;

/// <summary>
/// Unverified messages for the next height (peers that decided first are already there), replayed through the
/// normal checks on entering it. Bounded: only rounds 0–1, one slot per (claimed sender, round, kind), first wins,
/// so a forger can at worst delay a real message until gossip repeats it.
/// </summary>
internal sealed class FutureBuffer
{
    public const int MaxRound = 1;
    private readonly Dictionary<(Address Sender, int Round, byte Kind), ConsensusMessage> _slots = new();
    private readonly List<ConsensusMessage> _ordered = new();

    public bool TryAdd(ConsensusMessage message)
    {
        if (message.Round > MaxRound) return false;
        if (!_slots.TryAdd((message.Sender, message.Round, SignGuard.KindOf(message)), message)) return false;
        _ordered.Add(message);
        return true;
    }

    /// <summary>Returns the buffered messages in arrival order and empties the buffer.</summary>
    public List<ConsensusMessage> Drain()
    {
        var messages = new List<ConsensusMessage>(_ordered);
        _ordered.Clear();
        _slots.Clear();
        return messages;
    }
}
