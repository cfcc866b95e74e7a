using TrustLedger.Node.Core.Admission;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Storage;

namespace TrustLedger.Node.Core.Chain;

/// <summary>Rebuilds a node's in-memory ledger by replaying its own block store from genesis, checking every root.</summary>
public static class LedgerLoader
{
    /// <summary>Replays every stored block; throws <see cref="ReplayMismatchException"/> if one does not reproduce its header.</summary>
    /// <remarks><paramref name="progress"/> is called every <paramref name="progressEvery"/> blocks with (replayed, total).</remarks>
    public static (LedgerState Ledger, CommittedNonces Nonces) Load(
        ChainConfig chain, BlockExecutor executor, IBlockStore store, Action<ulong, ulong>? progress = null, ulong progressEvery = 1000)
    {
        var ledger = LedgerState.FromGenesis(chain);
        var nonces = new CommittedNonces();
        var replayer = new ChainReplayer(ledger, executor);
        var total = store.Height;
        foreach (var block in store.ReadBlocks(1))
        {
            replayer.Replay(block);
            nonces.OnCommitted(block.Transactions, block.Header.TimeMs);
            if (progress is not null && (block.Height % progressEvery == 0 || block.Height == total))
                progress(block.Height, total);
        }
        return (ledger, nonces);
    }
}
