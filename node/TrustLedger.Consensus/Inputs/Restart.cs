using TrustLedger.Consensus.Wal;

namespace TrustLedger.Consensus.Inputs;

/// <summary>
/// Starts a fresh core: replays the node's WAL (empty for a brand-new node) and resumes where it stopped. Must be the
/// first input. Never written to the WAL itself.
/// </summary>
public sealed record Restart(IReadOnlyList<WalRecord> Wal) : ConsensusInput;
