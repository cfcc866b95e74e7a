using TrustLedger.Node.Core.Admission;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Storage;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Chain;

/// <summary>
/// Takes a committed block from a peer (block sync, catch-up after a restart or a wiped disk) and makes it this
/// node's next durable block — only if it checks out: its commit certificate against the validator set of its height
/// (read from the ledger state), every transaction's envelope and signature, and re-execution reproducing its receipts
/// and every root in its header. Verification happens before anything changes, so a rejected block leaves the ledger
/// and the store exactly as they were. Single caller.
/// </summary>
public sealed class BlockImporter(LedgerState ledger, BlockExecutor executor, CommittedNonces nonces, MemberDirectory members, IBlockStore store)
{
    private readonly BlockCommitter _committer = new(ledger, nonces, members, store);

    public CommitOutcome Import(Block block)
    {
        var chain = ledger.Chain;
        var header = block.Header;
        if (header.Height != ledger.Height + 1)
            throw new InvalidBlockException(header.Height, $"expected height {ledger.Height + 1}");
        if (header.TimeMs <= ledger.HeadTimeMs)
            throw new InvalidBlockException(header.Height, "block time does not advance");
        // The set of the block's height, from this node's state before the block (see ValidatorSchedule).
        if (BlockCertificate.Problem(chain.Suite, chain.ChainId, header, block.Commit, ledger.ValidatorSetAt(header.Height)) is { } certificate)
            throw new InvalidBlockException(header.Height, certificate);
        if (EnvelopeRules.FirstProblem(block.Transactions, chain) is { } bad)
            throw new InvalidBlockException(header.Height, $"transaction {bad.TxId}: {bad.Reason}");

        if (ReExecution.Problem(ledger, executor, block, out var execution) is { } problem)
            throw new InvalidBlockException(header.Height, problem);
        var expected = ledger.Preview(execution, header.TimeMs, header.Proposer);
        if (expected != header)
            throw new InvalidBlockException(header.Height, "header roots differ from re-execution");

        return _committer.Commit(block, execution, []);
    }
}
