using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Consensus;

/// <summary>
/// The exact bytes a validator signs. Domain-tagged and bound to the chain id so a signature can never be
/// replayed on another chain or as another kind of message. Pinned by golden vectors in the tests.
/// </summary>
public static class SignedBytes
{
    /// <summary>Domain tag of votes.</summary>
    public static ReadOnlySpan<byte> VoteTag => "TL/vote/v1"u8;

    /// <summary>Domain tag of proposals.</summary>
    public static ReadOnlySpan<byte> ProposalTag => "TL/proposal/v1"u8;

    /// <summary>
    /// <c>"TL/vote/v1" ‖ string(chain_id) ‖ u8(type) ‖ u64(height) ‖ u32(round) ‖ u8(0)</c> for nil, or
    /// <c>… ‖ u8(1) ‖ value_id[32]</c> for a value.
    /// </summary>
    public static byte[] Vote(string chainId, VoteType type, ulong height, int round, Hash32? valueId)
    {
        var w = new CanonicalWriter(96).Raw(VoteTag).String(chainId).U8((byte)type).U64(height).U32(checked((uint)round));
        if (valueId is { } id) w.U8(1).Hash(id);
        else w.U8(0);
        return w.ToArray();
    }

    /// <summary>
    /// <c>"TL/proposal/v1" ‖ string(chain_id) ‖ u64(height) ‖ u32(round) ‖ i64(valid_round) ‖ value_id[32]</c>.
    /// The value bytes are bound through <paramref name="valueId"/>, which receivers recompute from them.
    /// </summary>
    public static byte[] Proposal(string chainId, ulong height, int round, int validRound, Hash32 valueId) =>
        new CanonicalWriter(96).Raw(ProposalTag).String(chainId).U64(height).U32(checked((uint)round)).I64(validRound).Hash(valueId).ToArray();
}
