using TrustLedger.Consensus;

namespace TrustLedger.Node.Core.Consensus;

/// <summary>Tuning of a validator's consensus driver. Defaults suit a LAN or one machine.</summary>
public sealed record ConsensusDriverOptions
{
    public TimeoutPolicy Timeouts { get; init; } = TimeoutPolicy.Default;

    /// <summary>How long a proposer with an empty mempool waits for transactions before proposing an empty block
    /// (below the propose timeout, so an idle network keeps deciding heights instead of changing rounds).</summary>
    public TimeSpan EmptyBlockDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// False: a proposer with an empty mempool waits for a transaction however long it takes, and its propose timeout
    /// is held back meanwhile, so an idle chain stays at its height and round instead of deciding empty blocks. Meant
    /// for a network of one validator (dev mode), where nothing else can move the height on; with peers, the others'
    /// timeouts would move the round on without this proposer.
    /// </summary>
    public bool CreateEmptyBlocks { get; init; } = true;

    /// <summary>A node that made no progress for this long re-sends its messages and tells peers its status.</summary>
    public TimeSpan GossipPeriod { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Decided blocks sent per status answer during block sync.</summary>
    public int SyncBatch { get; init; } = 16;
}
