using Microsoft.Extensions.Logging;
using TrustLedger.Consensus;
using TrustLedger.Consensus.Inputs;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Core.Consensus;

// Building this node's proposals and committing decided blocks.
public sealed partial class ConsensusDriver
{
    // The core wants our block for (height, round). With transactions waiting, build at once; otherwise give them
    // EmptyBlockDelay to arrive, then propose what there is (possibly nothing) — or, without empty blocks, wait for one.
    private void RequestBuild(ulong height, int round)
    {
        if (_pool.Count > 0)
        {
            Post(new BuildWork(height, round));
            return;
        }
        if (!_options.CreateEmptyBlocks) _awaitingTransactions = (height, round);
        _ = BuildWhenReady(height, round);
    }

    private async Task BuildWhenReady(ulong height, int round)
    {
        try
        {
            if (_options.CreateEmptyBlocks)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
                var delay = Task.Delay(_options.EmptyBlockDelay, _time, timeout.Token);
                await Task.WhenAny(_pool.WhenNotEmpty(), delay);
                timeout.Cancel();
            }
            else
            {
                await _pool.WhenNotEmpty().WaitAsync(_stopping);
            }
            Post(new BuildWork(height, round));
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Without empty blocks, our propose timeout must not end the round we wait in for a transaction to propose.
    private bool HoldsTimeout(TimeoutFired fired) =>
        fired.Step == RoundStep.Propose && _awaitingTransactions == (fired.Height, fired.Round);

    private void Build(ulong height, int round, Pass pass)
    {
        _awaitingTransactions = null;
        if (_core.Height != height) return; // decided meanwhile
        if (_ledger.Height + 1 != height)
        {
            _deferredBuild = (height, round); // the parent is decided but not stored yet
            return;
        }
        var started = _time.GetTimestamp();
        var parameters = _chain.Parameters;
        var candidates = _pool.Peek(parameters.MaxBlockTxs, parameters.MaxBlockBytes);
        var timeMs = Math.Max(_time.GetUtcNow().ToUnixTimeMilliseconds(), _ledger.HeadTimeMs + 1);
        var execution = _executor.Execute(_ledger.State, candidates, height, timeMs);
        if (execution.Dropped.Count > 0)
        {
            // Refused against state now (nonce used, window passed, sender removed): they can never commit.
            var dropped = execution.Dropped.Select(d => d.TxId).ToHashSet();
            _pool.Remove(dropped); // then published, as for commits
            _onCommitted(new CommitOutcome(null, execution.Dropped, []));
        }
        if (execution.Included.Count == 0 && !_options.CreateEmptyBlocks)
        {
            RequestBuild(height, round); // every candidate was refused: wait for the next transaction
            return;
        }
        var header = _ledger.Preview(execution, timeMs, _key!.Address);
        var value = new BlockValue(header, execution.Included);
        var id = header.ComputeHash(_chain.Suite.Hash);
        _checker.Remember(id, new ExecutedValue(value, execution));
        _logger.LogDebug("Built block {Height} round {Round}: {Count} transactions in {Ms:F1} ms, {SinceHeight:F0} ms into the height",
            height, round, execution.Included.Count, _time.GetElapsedTime(started).TotalMilliseconds, _time.GetElapsedTime(_heightStarted).TotalMilliseconds);
        pass.Add(_core.Step(new ValueBuilt(height, round, value.Encode())));
    }

    private void CommitDecision(Decision decision)
    {
        if (decision.Height != _ledger.Height + 1)
            throw new InvalidOperationException($"consensus decided height {decision.Height} but the ledger is at {_ledger.Height}");
        var started = _time.GetTimestamp();
        var executed = _checker.Executed(decision.ValueId);
        if (executed is null)
        {
            // Decided from the WAL after a restart, or from a certificate: run it now. It was valid when voted on.
            if (_checker.Check(decision.ValueId, decision.Value) is { } problem)
                throw new InvalidOperationException($"decided block {decision.Height} does not execute on this node: {problem}");
            executed = _checker.Executed(decision.ValueId)!;
        }
        var value = executed.Value;
        var block = new Block(value.Header, value.Transactions, executed.Execution.Receipts, decision.Certificate);
        var outcome = _committer.Commit(block, executed.Execution, []);
        _pool.RemoveCommitted(value.Transactions); // before publishing: a waiter that still saw its tx pooled is told
        _checker.OnCommitted();
        _wal.PruneBelow(decision.Height + 1);
        var now = _time.GetTimestamp();
        _logger.LogDebug("Committed block {Height} round {Round}: {Count} transactions, {HeightMs:F0} ms at this height, commit {CommitMs:F1} ms",
            decision.Height, decision.Round, value.Transactions.Count, _time.GetElapsedTime(_heightStarted, now).TotalMilliseconds, _time.GetElapsedTime(started, now).TotalMilliseconds);
        _heightStarted = now;
        _onCommitted(outcome);
        AfterCommit();
    }

    // The head moved: answer what waited for it, feed the next synced block, or ask for more.
    private void AfterCommit()
    {
        foreach (var (height, id, valid) in _checker.ResolveDeferred())
            Post(new InputWork(new ValueVerdictReceived(height, id, valid)));
        if (_deferredBuild is { } build && build.Height == _ledger.Height + 1)
        {
            _deferredBuild = null;
            RequestBuild(build.Height, build.Round);
        }
        while (_stashedCommits.Count > 0 && _stashedCommits.First().Key <= _ledger.Height) _stashedCommits.Remove(_stashedCommits.First().Key);
        if (_stashedCommits.Remove(_ledger.Height + 1, out var next))
            Post(new CommitsWork([next], _bestPeerHeight));
        else if (_bestPeerHeight > _ledger.Height + 1)
            _peers.AnnounceStatus(new PeerStatus(_ledger.Height + 1, _core.Round)); // still behind: ask for the next batch
    }
}
