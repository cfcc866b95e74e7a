using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus;

/// <summary>
/// The host's view of proposed values, which are opaque to consensus (an encoded block). Both members must be
/// deterministic: every honest node must reach the same answer for the same bytes at the same height.
/// </summary>
public interface IProposalValidator
{
    /// <summary>
    /// The id of <paramref name="value"/> (the block header hash). Must be collision resistant, since votes and the
    /// certificate name only the id. False when the bytes are malformed; the proposal is then ignored.
    /// </summary>
    bool TryGetValueId(ReadOnlySpan<byte> value, out Hash32 valueId);

    /// <summary>
    /// Whether <paramref name="value"/> may be committed at <paramref name="height"/> on top of the host's committed
    /// chain (height − 1). Return <see cref="ValueVerdict.Pending"/> to answer later with a
    /// <see cref="Inputs.ValueVerdictReceived"/> input (e.g. while the block executes on another thread).
    /// </summary>
    ValueVerdict Validate(ulong height, Hash32 valueId, ReadOnlyMemory<byte> value);
}
