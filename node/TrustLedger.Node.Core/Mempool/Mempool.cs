using TrustLedger.Node.Core.Execution;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Mempool;

/// <summary>
/// Admitted transactions waiting for a block, first come first served. Thread-safe: gRPC handlers add,
/// the chain driver takes. A (sender, nonce) stays reserved from admission until the driver releases it
/// after commit, so a duplicate cannot slip in while its twin is being written.
/// </summary>
public sealed class TxPool(int capacity)
{
    private readonly object _lock = new();
    private readonly Queue<SignedTransaction> _queue = new();
    private readonly Dictionary<Hash32, SignedTransaction> _byId = new();
    private readonly Dictionary<(Address, ulong), Hash32> _reservedNonces = new();
    private TaskCompletionSource _nonEmpty = NewSignal();

    public int Capacity { get; } = capacity;

    public int Count
    {
        get { lock (_lock) return _queue.Count; }
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
            if (_queue.Count >= Capacity)
                return (AddOutcome.Duplicate, new TxRejection(tx.Id, ErrorCode.ResourceExhausted, $"mempool is full ({Capacity} transactions); retry shortly"));
            _queue.Enqueue(tx);
            _byId[tx.Id] = tx;
            _reservedNonces[nonceKey] = tx.Id;
            if (_queue.Count == 1) _nonEmpty.TrySetResult();
            return (AddOutcome.Added, null);
        }
    }

    /// <summary>Removes up to <paramref name="maxCount"/> transactions totalling at most <paramref name="maxBytes"/>, oldest first. Their nonces stay reserved until <see cref="Release"/>.</summary>
    public List<SignedTransaction> Take(int maxCount, int maxBytes)
    {
        lock (_lock)
        {
            var batch = new List<SignedTransaction>(Math.Min(maxCount, _queue.Count));
            var bytes = 0;
            while (batch.Count < maxCount && _queue.TryPeek(out var next) && bytes + next.EncodedSize <= maxBytes)
            {
                _queue.Dequeue();
                _byId.Remove(next.Id);
                bytes += next.EncodedSize;
                batch.Add(next);
            }
            if (_queue.Count == 0 && _nonEmpty.Task.IsCompleted) _nonEmpty = NewSignal();
            return batch;
        }
    }

    /// <summary>Frees the nonce reservations of transactions that were committed or dropped.</summary>
    public void Release(IEnumerable<SignedTransaction> txs)
    {
        lock (_lock)
        {
            foreach (var tx in txs)
                if (_reservedNonces.TryGetValue((tx.Sender, tx.Body.Nonce), out var id) && id == tx.Id)
                    _reservedNonces.Remove((tx.Sender, tx.Body.Nonce));
        }
    }

    /// <summary>Completes when at least one transaction is waiting.</summary>
    public Task WhenNotEmpty()
    {
        lock (_lock) return _queue.Count > 0 ? Task.CompletedTask : _nonEmpty.Task;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
