namespace TrustLedger.Consensus.Inputs;

/// <summary>
/// Something that happened to the node, fed to <see cref="ConsensusCore.Step"/>. Everything the core acts on
/// arrives as an input, and every accepted input is written ahead (<see cref="Wal.WalRecord"/>), so replaying
/// the WAL rebuilds the same state.
/// </summary>
public abstract record ConsensusInput
{
    private protected ConsensusInput() { }
}
