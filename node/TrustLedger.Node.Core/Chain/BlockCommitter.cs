using TrustLedger.Contracts.Membership;
using TrustLedger.Node.Core.Admission;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Storage;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Chain;

/// <summary>
/// The one way a checked block becomes this node's next durable block: apply its execution, append it to the store
/// (fsync), move the head, then update what depends on committed state (nonces, member directory). Fail-stop: if the
/// append throws, memory is ahead of disk and the node must restart from its store. Single caller.
/// </summary>
public sealed class BlockCommitter(LedgerState ledger, CommittedNonces nonces, MemberDirectory members, IBlockStore store)
{
    public CommitOutcome Commit(Block block, ExecutionResult execution, IReadOnlyList<TxRejection> dropped)
    {
        var header = block.Header;
        var applied = ledger.Apply(execution, header.TimeMs, header.Proposer);
        if (applied != header)
            throw new InvalidOperationException($"block {header.Height}: applying its execution gave a different header; refusing to store it");
        store.Append(block); // durable before the head moves
        ledger.SetHead(header);
        nonces.OnCommitted(block.Transactions, header.TimeMs);
        var changed = execution.Writes.ChangedKeys();
        if (changed.Any(key => MembershipState.IsMemberKey(key))) members.Refresh(ledger);
        return new CommitOutcome(block, dropped, changed);
    }
}
