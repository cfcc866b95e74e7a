using TrustLedger.Node.Core.Execution;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Chain;

/// <summary>
/// Re-executes committed blocks on a <see cref="LedgerState"/> and checks each one as if a peer had sent it: its commit
/// certificate against the validator set of its height, every transaction's envelope and signature (in parallel), then
/// every root in its header. How a node rebuilds its state from its own log on start — trusting its own disk no more
/// than a peer (invariant 9) — and how an auditor checks invariant 5 (same code, same roots).
/// </summary>
public sealed class ChainReplayer(LedgerState ledger, BlockExecutor executor)
{
    public LedgerState Ledger { get; } = ledger;

    /// <summary>Applies <paramref name="block"/> on top of the ledger's head; throws <see cref="ReplayMismatchException"/> on any difference.</summary>
    public void Replay(Block block)
    {
        var expected = block.Header;
        var chain = Ledger.Chain;
        if (BlockCertificate.Problem(chain.Suite, chain.ChainId, expected, block.Commit, Ledger.ValidatorSetAt(expected.Height)) is { } certificate)
            throw new ReplayMismatchException(expected.Height, $"commit certificate: {certificate}");
        if (EnvelopeRules.FirstProblem(block.Transactions, chain) is { } bad)
            throw new ReplayMismatchException(expected.Height, $"transaction {bad.TxId}: {bad.Reason}");
        if (ReExecution.Problem(Ledger, executor, block, out var result) is { } problem)
            throw new ReplayMismatchException(expected.Height, problem);
        var actual = Ledger.Apply(result, expected.TimeMs, expected.Proposer);
        if (actual.StateRoot != expected.StateRoot) throw new ReplayMismatchException(expected.Height, $"state root {actual.StateRoot} ≠ {expected.StateRoot}");
        if (actual.LogRoot != expected.LogRoot || actual.LogSize != expected.LogSize) throw new ReplayMismatchException(expected.Height, "transaction log root differs");
        if (actual != expected) throw new ReplayMismatchException(expected.Height, "header fields differ");
        Ledger.SetHead(expected);
    }
}
