using TrustLedger.Node.Core.Execution;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Mempool;

/// <summary>
/// Admitted transactions waiting for a block, first come first served. Thread-safe: gRPC handlers add, the
/// consensus driver reads and removes. A (sender, nonce) stays reserved from admission until its transaction is
/// committed or dropped, so a duplicate cannot slip in while its twin is being written.
/// The way out: a proposer only <see cref="Peek"/>s (its block may lose the round) and every validator drops what
/// any committed block holds with <see cref="RemoveCommitted"/>.
/// </summary>
public sealed class TxPool(int capacity)
{
    private readonly object _lock = new();
    // Arrival order. Entries whose id is no longer in _byId were removed out of order and are skipped (lazy deletion).
    private readonly Queue<SignedTransaction> _queue = new();
    private readonly Dictionary<Hash32, SignedTransaction> _byId = new();
    private readonly Dictionary<(Address, ulong), Hash32> _reservedNonces = new();
    private TaskCompletionSource _nonEmpty = NewSignal();

    public int Capacity { get; } = capacity;

    public int Count
    {
        get { lock (_lock) return _byId.Count; }
    }

    public enum AddOutcome { Added, Duplicate }

    /// <summary>Adds an admitted transaction, or returns why not (nonce reserved by another transaction, pool full).</summary>
    public (AddOutcome Outcome, TxRejection? Rejection) TryAdd(SignedTransaction tx)
    {
        lock (_lock)
        {
            if (_byId.ContainsKey(tx.Id)) return (AddOutcome.Duplicate, null);
            var nonceKey = (tx.Sender, tx.Body.Nonce);
            if (_reservedNonces.TryGetValue(nonceKey, out var other))
                return (AddOutcome.Duplicate, new TxRejection(tx.Id, ErrorCode.AlreadyExists, $"nonce {tx.Body.Nonce} of sender {tx.Sender} is already used by pending transaction {other}"));
            if (_byId.Count >= Capacity)
                return (AddOutcome.Duplicate, new TxRejection(tx.Id, ErrorCode.ResourceExhausted, $"mempool is full ({Capacity} transactions); retry shortly"));
            _queue.Enqueue(tx);
            _byId[tx.Id] = tx;
            _reservedNonces[nonceKey] = tx.Id;
            if (_byId.Count == 1) _nonEmpty.TrySetResult();
            return (AddOutcome.Added, null);
        }
    }

    /// <summary>True when <paramref name="txId"/> is waiting here.</summary>
    public bool Contains(Hash32 txId)
    {
        lock (_lock) return _byId.ContainsKey(txId);
    }

    /// <summary>
    /// True when exactly this transaction — same id and same signature bytes — is waiting here, so admission has
    /// already verified its signature. (The id covers the signed bytes only, so the signature is compared too.)
    /// </summary>
    public bool HoldsVerified(SignedTransaction tx)
    {
        lock (_lock) return _byId.TryGetValue(tx.Id, out var held) && held.Signature.AsSpan().SequenceEqual(tx.Signature);
    }

    /// <summary>Up to <paramref name="maxCount"/> transactions totalling at most <paramref name="maxBytes"/>, oldest first, left in the pool.</summary>
    public List<SignedTransaction> Peek(int maxCount, int maxBytes)
    {
        lock (_lock)
        {
            while (_queue.TryPeek(out var head) && !IsLive(head)) _queue.Dequeue();
            var batch = new List<SignedTransaction>(Math.Min(maxCount, _byId.Count));
            var bytes = 0;
            var seen = new HashSet<Hash32>();
            foreach (var tx in _queue)
            {
                if (batch.Count >= maxCount) break;
                if (!IsLive(tx) || !seen.Add(tx.Id)) continue;
                if (bytes + tx.EncodedSize > maxBytes) break;
                bytes += tx.EncodedSize;
                batch.Add(tx);
            }
            return batch;
        }
    }

    /// <summary>
    /// Drops transactions a committed block holds, and any other pending transaction of theirs that reused a nonce
    /// they consumed (it can never commit now), freeing the nonces. Also how a proposer discards what its block dropped.
    /// </summary>
    public void RemoveCommitted(IEnumerable<SignedTransaction> txs)
    {
        lock (_lock)
        {
            foreach (var tx in txs)
            {
                _byId.Remove(tx.Id);
                var nonceKey = (tx.Sender, tx.Body.Nonce);
                if (_reservedNonces.Remove(nonceKey, out var holder) && holder != tx.Id) _byId.Remove(holder);
            }
            ResetSignalIfEmpty();
            // Keep the queue from growing with tombstones when the pool drains through RemoveCommitted only.
            if (_queue.Count > 2 * _byId.Count + 1024) Compact();
        }
    }

    /// <summary>Removes transactions by id (refused when re-checked); their nonces are freed.</summary>
    public void Remove(IEnumerable<Hash32> txIds)
    {
        lock (_lock)
        {
            foreach (var id in txIds)
                if (_byId.Remove(id, out var tx)) _reservedNonces.Remove((tx.Sender, tx.Body.Nonce));
            ResetSignalIfEmpty();
        }
    }

    /// <summary>Completes when at least one transaction is waiting.</summary>
    public Task WhenNotEmpty()
    {
        lock (_lock) return _byId.Count > 0 ? Task.CompletedTask : _nonEmpty.Task;
    }

    private bool IsLive(SignedTransaction tx) => _byId.TryGetValue(tx.Id, out var held) && ReferenceEquals(held, tx);

    private void ResetSignalIfEmpty()
    {
        if (_byId.Count == 0 && _nonEmpty.Task.IsCompleted) _nonEmpty = NewSignal();
    }

    private void Compact()
    {
        var live = _queue.Where(IsLive).ToList();
        _queue.Clear();
        foreach (var tx in live) _queue.Enqueue(tx);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
