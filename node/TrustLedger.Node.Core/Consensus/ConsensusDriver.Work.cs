using TrustLedger.Consensus.Inputs;

namespace TrustLedger.Node.Core.Consensus;

public sealed partial class ConsensusDriver
{
    // Everything the driver loop does arrives as one of these, so the core, the ledger and the WAL have one thread.
    private abstract record Work;

    private sealed record InputWork(ConsensusInput Input) : Work;

    private sealed record CommitsWork(IReadOnlyList<SyncedCommit> Commits, ulong SenderHeight) : Work;

    private sealed record StatusWork(PeerStatus Peer, TaskCompletionSource<StatusAnswer> Answer) : Work;

    private sealed record BuildWork(ulong Height, int Round) : Work;

    private sealed record GossipTick : Work;
}
