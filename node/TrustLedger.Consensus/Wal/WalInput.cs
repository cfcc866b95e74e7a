using TrustLedger.Consensus.Inputs;

namespace TrustLedger.Consensus.Wal;

/// <summary>An input the core accepted and is about to act on.</summary>
public sealed record WalInput(ConsensusInput Input) : WalRecord
{
    public override ulong Height => Input switch
    {
        ProposalReceived p => p.Proposal.Height,
        VoteReceived v => v.Vote.Height,
        TimeoutFired t => t.Height,
        ValueBuilt b => b.Height,
        ValueVerdictReceived v => v.Height,
        CommitReceived c => c.Certificate.Height,
        _ => throw new InvalidOperationException($"{Input.GetType().Name} is never written ahead"),
    };
}
