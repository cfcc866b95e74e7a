namespace TrustLedger.Consensus.Outputs;

/// <summary>An effect the host performs, in order, after persisting the step's WAL records (see <see cref="StepResult"/>).</summary>
public abstract record ConsensusOutput
{
    private protected ConsensusOutput() { }
}
