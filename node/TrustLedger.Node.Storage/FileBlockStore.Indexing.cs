using TrustLedger.Node.Core.Storage;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Storage;

// Indexing behind the writer. Append makes a block durable in the log and returns; a thread of the store's own then
// indexes appended blocks in batches (one LiteDB transaction each). Until then the blocks' locations, headers and
// transaction ids are answered from memory. The index is derived data either way: LiteDB never fsyncs, so after a
// crash it lags the log and Open re-indexes the difference — a block not indexed yet when the process dies is no
// different from one LiteDB had not flushed.
public sealed partial class FileBlockStore
{
    /// <summary>Appended blocks the indexer may be behind by; Append waits beyond that (a slow disk slows the writer).</summary>
    private const int MaxUnindexedBlocks = 64;
    private const int IndexBatchTransactions = 20_000;

    private readonly object _unindexedLock = new();
    // Oldest first, consecutive heights. Entries leave only after their LiteDB transaction committed, so a reader that
    // misses here finds them in the index.
    private readonly List<(Block Block, BlockLocation Location)> _unindexed = [];
    // First occurrence of each id among the unindexed blocks.
    private readonly Dictionary<Hash32, TxLocation> _unindexedTxs = [];
    private readonly SemaphoreSlim _indexWork = new(0);
    private readonly ManualResetEventSlim? _indexGate;
    private Thread? _indexer;
    private bool _indexerStopping;

    private void StartIndexer()
    {
        _indexer = new Thread(IndexLoop) { IsBackground = true, Name = "TL block index" };
        _indexer.Start();
    }

    // Called under _writeGate, after the block is durable and before its height is published.
    private void QueueForIndex(Block block, BlockLocation location)
    {
        lock (_unindexedLock)
        {
            _unindexed.Add((block, location));
            for (var i = 0; i < block.Transactions.Count; i++)
                _unindexedTxs.TryAdd(block.Transactions[i].Id, new TxLocation(block.Height, i));
        }
        _indexWork.Release();
    }

    // Called under _writeGate before appending: bounds the backlog, and surfaces a failure of the indexer.
    private void WaitForIndexRoom()
    {
        lock (_unindexedLock)
        {
            while (_unindexed.Count >= MaxUnindexedBlocks && _fault is null) Monitor.Wait(_unindexedLock);
            if (_fault is not null) throw new InvalidOperationException("indexing failed; reopen the store to rebuild the index", _fault);
        }
    }

    private void IndexLoop()
    {
        while (true)
        {
            _indexWork.Wait();
            _indexGate?.Wait();
            List<(Block Block, BlockLocation Location)> batch;
            lock (_unindexedLock)
            {
                if (_unindexed.Count == 0)
                {
                    if (_indexerStopping) return;
                    continue;
                }
                batch = TakeBatch();
            }
            try
            {
                _index.Add(batch);
            }
            catch (Exception ex)
            {
                lock (_unindexedLock)
                {
                    _fault ??= ex; // the next Append fails: the node stops and reopens the store, which re-indexes
                    Monitor.PulseAll(_unindexedLock);
                }
                return;
            }
            lock (_unindexedLock)
            {
                _unindexed.RemoveRange(0, batch.Count);
                var last = batch[^1].Block.Height;
                foreach (var (block, _) in batch)
                    foreach (var tx in block.Transactions)
                        if (_unindexedTxs.TryGetValue(tx.Id, out var at) && at.Height <= last) _unindexedTxs.Remove(tx.Id);
                Monitor.PulseAll(_unindexedLock);
            }
        }
    }

    private List<(Block Block, BlockLocation Location)> TakeBatch()
    {
        var batch = new List<(Block Block, BlockLocation Location)>();
        var txs = 0;
        foreach (var entry in _unindexed)
        {
            if (batch.Count > 0 && txs + entry.Block.Transactions.Count > IndexBatchTransactions) break;
            batch.Add(entry);
            txs += entry.Block.Transactions.Count;
        }
        return batch;
    }

    // Indexes what is left and stops the indexer (Dispose, under _writeGate).
    private void StopIndexer()
    {
        if (_indexer is null) return;
        lock (_unindexedLock) _indexerStopping = true;
        _indexWork.Release();
        _indexer.Join();
        _indexer = null;
    }

    /// <summary>Highest height the index holds (tests).</summary>
    internal ulong IndexedHeight => _index.Height;

    private TxLocation? FindUnindexed(Hash32 txId)
    {
        lock (_unindexedLock) return _unindexedTxs.TryGetValue(txId, out var at) ? at : null;
    }

    private (BlockLocation Location, BlockHeader Header)? Unindexed(ulong height)
    {
        lock (_unindexedLock)
        {
            if (_unindexed.Count == 0) return null;
            var first = _unindexed[0].Block.Height;
            if (height < first || height >= first + (ulong)_unindexed.Count) return null;
            var (block, location) = _unindexed[(int)(height - first)];
            return (location, block.Header);
        }
    }
}
