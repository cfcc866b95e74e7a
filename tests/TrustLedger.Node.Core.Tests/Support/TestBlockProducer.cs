using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Mempool;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Tests.Support;

/// <summary>
/// Chain fixtures' block maker: cuts one block from the pool, executes it and commits it through the real
/// <see cref="BlockCommitter"/> under the certificate a one-validator network decides in round 0 (the validator's
/// precommit alone) — the blocks dev mode has always written. Synchronous, so chain tests need no driver thread; the
/// node itself commits only through the consensus driver.
/// </summary>
public sealed class TestBlockProducer(LedgerState ledger, BlockExecutor executor, TxPool pool, BlockCommitter committer, KeyPair validator, TimeProvider time)
{
    /// <summary>Commits one block from the pool; null when nothing is pending, no block when every candidate was dropped.</summary>
    public CommitOutcome? ProduceBlock()
    {
        var parameters = ledger.Chain.Parameters;
        var candidates = pool.Peek(parameters.MaxBlockTxs, parameters.MaxBlockBytes);
        if (candidates.Count == 0) return null;
        var timeMs = Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds(), ledger.HeadTimeMs + 1);
        var execution = executor.Execute(ledger.State, candidates, ledger.Height + 1, timeMs);
        pool.Remove(execution.Dropped.Select(d => d.TxId));
        if (execution.Included.Count == 0) return new CommitOutcome(null, execution.Dropped, []);
        var header = ledger.Preview(execution, timeMs, validator.Address);
        var certificate = BlockCertificate.Sign(ledger.Chain.Suite, header, round: 0, [validator]);
        var outcome = committer.Commit(new Block(header, execution.Included, execution.Receipts, certificate), execution, execution.Dropped);
        pool.RemoveCommitted(execution.Included);
        return outcome;
    }
}
