using System.Collections.Concurrent;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Admission;

/// <summary>
/// Fast, thread-safe view of nonces already committed, for admission only (block validation asks the state map).
/// An entry can be forgotten once its transaction's window has closed: an expired transaction is refused anyway.
/// </summary>
public sealed class CommittedNonces
{
    private readonly ConcurrentDictionary<(Address, ulong), Hash32> _used = new();
    private readonly PriorityQueue<(Address, ulong), long> _byExpiry = new();

    public int Count => _used.Count;

    public bool TryGet(Address sender, ulong nonce, out Hash32 txId) => _used.TryGetValue((sender, nonce), out txId);

    /// <summary>Records a committed block's transactions and forgets nonces whose windows closed before <paramref name="blockTimeMs"/>. Single writer.</summary>
    public void OnCommitted(IReadOnlyList<SignedTransaction> txs, long blockTimeMs)
    {
        foreach (var tx in txs)
        {
            var key = (tx.Sender, tx.Body.Nonce);
            _used[key] = tx.Id;
            _byExpiry.Enqueue(key, tx.Body.NotAfterMs);
        }
        while (_byExpiry.TryPeek(out var key, out var notAfter) && notAfter < blockTimeMs)
        {
            _byExpiry.Dequeue();
            _used.TryRemove(key, out _);
        }
    }
}
