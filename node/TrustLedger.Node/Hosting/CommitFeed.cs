using System.Collections.Concurrent;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Storage;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Hosting;

/// <summary>
/// Tells waiting clients what became of their transactions and wakes block streams. Published to only after a
/// block is durable, so a completed wait is an acknowledged, crash-safe commit.
/// </summary>
/// <param name="store">Where committed transactions are looked up.</param>
/// <param name="ledger">The chain (its hash function names blocks).</param>
/// <param name="waitingInPool">
/// True while a transaction still waits in the mempool. Every way out of the pool that settles a transaction
/// (committed, dropped) publishes its outcome after removing it, so a waiter registered while it is still there
/// is told, and the store need not be searched for it.
/// </param>
public sealed class CommitFeed(IBlockStore store, LedgerState ledger, Func<Hash32, bool>? waitingInPool = null)
{
    private readonly ConcurrentDictionary<Hash32, TaskCompletionSource<TxOutcome>> _waiters = new();
    private readonly RecentBlocks _recent = new(capacity: 64);
    private TaskCompletionSource _nextBlock = NewSignal();
    private readonly Lock _listenersLock = new();
    private Action<CommitOutcome>[] _listeners = [];

    /// <summary>Completes when a block beyond the current head is committed.</summary>
    public Task NextBlock => Volatile.Read(ref _nextBlock).Task;

    /// <summary>Runs <paramref name="listener"/> after every publish, on the chain's turn: it must return at once (queue, never wait).</summary>
    public void AddListener(Action<CommitOutcome> listener)
    {
        lock (_listenersLock) _listeners = [.. _listeners, listener];
    }

    public void Publish(CommitOutcome outcome)
    {
        if (outcome.Block is { } block)
        {
            var hash = block.Header.ComputeHash(ledger.Chain.Suite.Hash);
            _recent.Add(block);
            for (var i = 0; i < block.Transactions.Count; i++)
                if (_waiters.TryRemove(block.Transactions[i].Id, out var waiter))
                    waiter.TrySetResult(TxOutcome.Committed(block.Receipts[i], block.Height, i, hash, block.Header.TimeMs));
            Interlocked.Exchange(ref _nextBlock, NewSignal()).TrySetResult();
        }
        foreach (var dropped in outcome.Dropped)
            if (_waiters.TryRemove(dropped.TxId, out var waiter))
                waiter.TrySetResult(TxOutcome.Dropped(dropped));
        foreach (var listener in Volatile.Read(ref _listeners)) listener(outcome);
    }

    /// <summary>The outcome of <paramref name="txId"/>, waiting up to <paramref name="timeout"/>; null on timeout.</summary>
    public async Task<TxOutcome?> WaitAsync(Hash32 txId, TimeSpan timeout, CancellationToken cancellation)
    {
        var waiter = _waiters.GetOrAdd(txId, _ => new TaskCompletionSource<TxOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        // Registered first, looked up second: a commit between the two cannot be missed.
        if (waitingInPool?.Invoke(txId) != true && Find(txId) is { } done)
        {
            _waiters.TryRemove(KeyValuePair.Create(txId, waiter));
            return done;
        }
        try
        {
            return await waiter.Task.WaitAsync(timeout, cancellation);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            if (!waiter.Task.IsCompleted) _waiters.TryRemove(KeyValuePair.Create(txId, waiter));
        }
    }

    /// <summary>The committed outcome of <paramref name="txId"/>, or null if it is not committed.</summary>
    public TxOutcome? Find(Hash32 txId)
    {
        if (store.FindTransaction(txId) is not { } location) return null;
        var block = GetBlock(location.Height);
        if (block is null) return null;
        return TxOutcome.Committed(block.Receipts[location.Index], block.Height, location.Index,
            block.Header.ComputeHash(ledger.Chain.Suite.Hash), block.Header.TimeMs);
    }

    public Block? GetBlock(ulong height) => _recent.Get(height) ?? store.GetBlock(height);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
