using TrustLedger.Contracts.Membership;
using TrustLedger.Node.Core.Admission;
using TrustLedger.Node.Core.Execution;
using TrustLedger.Node.Core.Mempool;
using TrustLedger.Node.Core.Storage;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Chain;

/// <summary>
/// Dev mode: the network's only validator orders, executes, signs and stores blocks by itself.
/// One block per call; not thread-safe (the chain grain is its single caller).
/// </summary>
public sealed class SoloValidator
{
    private readonly LedgerState _ledger;
    private readonly BlockExecutor _executor;
    private readonly TxPool _pool;
    private readonly CommittedNonces _nonces;
    private readonly IBlockStore _store;
    private readonly KeyPair _key;
    private readonly TimeProvider _time;
    private readonly MemberDirectory _members;
    private bool _faulted;

    public SoloValidator(LedgerState ledger, BlockExecutor executor, TxPool pool, CommittedNonces nonces, MemberDirectory members,
        IBlockStore store, KeyPair validatorKey, TimeProvider time)
    {
        _members = members;
        var chain = ledger.Chain;
        if (chain.Validators.Count != 1)
            throw new InvalidOperationException($"dev mode needs exactly one validator in the genesis, found {chain.Validators.Count}");
        if (chain.Validators[0] != validatorKey.Address)
            throw new InvalidOperationException($"this node's key {validatorKey.Address} is not the genesis validator {chain.Validators[0]}");
        (_ledger, _executor, _pool, _nonces, _store, _key, _time) = (ledger, executor, pool, nonces, store, validatorKey, time);
    }

    /// <summary>Cuts, executes and durably stores one block from the mempool; null when nothing is pending.
    /// A storage failure leaves the validator faulted (fail-stop): the host must restart the node.</summary>
    public CommitOutcome? ProduceBlock()
    {
        if (_faulted)
            throw new InvalidOperationException("a previous block failed to store; restart the node to rebuild state from its block store");
        // Governance may hand the chain to other validators; from then on this node's signature commits nothing.
        var set = _ledger.ValidatorSetAt(_ledger.Height + 1);
        if (set.Count != 1 || !set.Contains(_key.Address))
            throw new InvalidOperationException(
                $"height {_ledger.Height + 1} is signed by {set.Count} validator(s) that are not this dev-mode node alone; run those validators or follow them");
        var parameters = _ledger.Chain.Parameters;
        var candidates = _pool.Take(parameters.MaxBlockTxs, parameters.MaxBlockBytes);
        if (candidates.Count == 0) return null;
        try
        {
            var timeMs = Math.Max(_time.GetUtcNow().ToUnixTimeMilliseconds(), _ledger.HeadTimeMs + 1);
            var execution = _executor.Execute(_ledger.State, candidates, _ledger.Height + 1, timeMs);
            if (execution.Included.Count == 0)
                return new CommitOutcome(null, execution.Dropped, []);
            _faulted = true; // until the block is durable, memory is ahead of disk
            var header = _ledger.Apply(execution, timeMs, _key.Address);
            // The one validator's precommit at round 0 is a quorum on its own: the block's whole certificate.
            var commit = BlockCertificate.Sign(_ledger.Chain.Suite, header, round: 0, [_key]);
            var block = new Block(header, execution.Included, execution.Receipts, commit);
            _store.Append(block); // durable from here on: receipts may be acknowledged
            _ledger.SetHead(header);
            _faulted = false;
            _nonces.OnCommitted(execution.Included, timeMs);
            var changed = execution.Writes.ChangedKeys();
            if (changed.Any(key => MembershipState.IsMemberKey(key)))
                _members.Refresh(_ledger); // governance changed who may submit: admission follows from the next transaction
            return new CommitOutcome(block, execution.Dropped, changed);
        }
        finally
        {
            _pool.Release(candidates);
        }
    }
}
