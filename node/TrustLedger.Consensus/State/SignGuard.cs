using TrustLedger.Consensus.Messages;

namespace TrustLedger.Consensus.State;

/// <summary>
/// Remembers every message this node signed at the current and later heights (rebuilt from the WAL on restart).
/// The core asks it before signing: a slot already signed returns the earlier message, so the node can never
/// sign two different votes, or two different proposals, for one (height, round, kind).
/// </summary>
internal sealed class SignGuard
{
    private readonly Dictionary<(ulong Height, int Round, byte Kind), ConsensusMessage> _signed = new();

    public static byte KindOf(ConsensusMessage message) => message switch
    {
        Vote v => (byte)v.Type,
        _ => 0,
    };

    public ConsensusMessage? Get(ulong height, int round, byte kind) => _signed.GetValueOrDefault((height, round, kind));

    /// <summary>Records a signed message; the first one for a slot wins.</summary>
    public void Remember(ConsensusMessage message) => _signed.TryAdd((message.Height, message.Round, KindOf(message)), message);

    public void ForgetBelow(ulong height)
    {
        foreach (var key in _signed.Keys.Where(k => k.Height < height).ToList()) _signed.Remove(key);
    }

    /// <summary>Signed messages at <paramref name="height"/>, by round then kind.</summary>
    public IEnumerable<ConsensusMessage> At(ulong height) =>
        _signed.Where(e => e.Key.Height == height).OrderBy(e => e.Key.Round).ThenBy(e => e.Key.Kind).Select(e => e.Value);
}
