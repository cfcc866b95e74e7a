using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.Wal;

/// <summary>
/// A verdict the host's <see cref="IProposalValidator"/> gave synchronously. Replay uses it instead of asking again, so
/// a host that answers at once this time and later the next (or differently) cannot steer a replay off the live path.
/// </summary>
public sealed record WalVerdict(ulong ValueHeight, Hash32 ValueId, bool IsValid) : WalRecord
{
    public override ulong Height => ValueHeight;
}
