using TrustLedger.Consensus.Messages;

namespace TrustLedger.Consensus.State;

/// <summary>
/// Remembers every message this node signed at the current and later heights (rebuilt from the WAL on restart).
/// The core asks it before signing: a slot already signed returns the earlier message, so the node can never
/// sign two different votes, or two different proposals, for one (height, round, kind). And, as CometBFT's
/// privval does, it never signs below the highest (height, round, kind) it signed: Algorithm 1 only moves forward,
/// so this never blocks a correct run, but it turns a replay that went astray into silence instead of amnesia.
/// </summary>
internal sealed class SignGuard
{
    private readonly Dictionary<(ulong Height, int Round, byte Kind), ConsensusMessage> _signed = new();
    private (ulong Height, int Round, byte Kind)? _highest;

    public static byte KindOf(ConsensusMessage message) => message switch
    {
        Vote v => (byte)v.Type,
        _ => 0,
    };

    public ConsensusMessage? Get(ulong height, int round, byte kind) => _signed.GetValueOrDefault((height, round, kind));

    /// <summary>True when a new signature at this slot would not go back: the slot is above everything signed so far.</summary>
    public bool MaySign(ulong height, int round, byte kind) => _highest is not { } h || (height, round, kind).CompareTo(h) > 0;

    /// <summary>Records a signed message; the first one for a slot wins.</summary>
    public void Remember(ConsensusMessage message)
    {
        var slot = (message.Height, message.Round, KindOf(message));
        _signed.TryAdd(slot, message);
        if (_highest is not { } h || slot.CompareTo(h) > 0) _highest = slot;
    }

    public void ForgetBelow(ulong height)
    {
        foreach (var key in _signed.Keys.Where(k => k.Height < height).ToList()) _signed.Remove(key);
    }

    /// <summary>Signed messages at <paramref name="height"/>, by round then kind.</summary>
    public IEnumerable<ConsensusMessage> At(ulong height) =>
        _signed.Where(e => e.Key.Height == height).OrderBy(e => e.Key.Round).ThenBy(e => e.Key.Kind).Select(e => e.Value);
}
