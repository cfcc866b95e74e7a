using TrustLedger.Consensus.Wal;

namespace TrustLedger.Consensus.Outputs;

/// <summary>
/// The result of one <see cref="ConsensusCore.Step"/>. The host must durably persist <see cref="Wal"/> (in order,
/// fsynced) before performing any of <see cref="Outputs"/>; that order is what makes a restarted node unable to
/// sign a vote conflicting with one it already sent.
/// </summary>
public sealed record StepResult(IReadOnlyList<WalRecord> Wal, IReadOnlyList<ConsensusOutput> Outputs)
{
    public static StepResult Empty { get; } = new([], []);
}
