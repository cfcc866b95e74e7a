using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Storage;

/// <summary>
/// Feeds the blocks found after the index's height into the index on open, in batches of whole blocks (one LiteDB
/// transaction each, far faster than one per block), reporting progress to the caller and the log.
/// </summary>
internal sealed class IndexCatchUp(BlockIndex index, RecentBlocks recent, IProgress<RecoveryProgress>? progress, ILogger logger, long bytesTotal)
{
    private const int BatchBlocks = 256;
    private const int BatchTransactions = 20_000;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    private readonly List<(Block Block, BlockLocation Location)> _pending = [];
    private readonly Stopwatch _clock = new();
    private TimeSpan _lastReport;
    private int _pendingTxs;
    private ulong _done;
    private ulong _first;
    private long _bytesRead;

    public void Add(Block block, BlockLocation location)
    {
        if (_done == 0 && _pending.Count == 0)
        {
            _first = block.Height;
            _clock.Start();
            StorageLog.ReindexStarted(logger, block.Height, bytesTotal);
        }
        _pending.Add((block, location));
        _pendingTxs += block.Transactions.Count;
        _bytesRead += location.End - location.Offset;
        if (_pending.Count >= BatchBlocks || _pendingTxs >= BatchTransactions) Flush();
    }

    public void Finish()
    {
        Flush();
        if (_done > 0) StorageLog.Reindexed(logger, _done, _first, _first + _done - 1, _clock.Elapsed.TotalSeconds);
    }

    private void Flush()
    {
        if (_pending.Count == 0) return;
        index.Add(_pending);
        foreach (var (block, location) in _pending) recent.Add(block.Height, location, block.Header);
        _done += (ulong)_pending.Count;
        var height = _pending[^1].Block.Height;
        _pending.Clear();
        _pendingTxs = 0;
        progress?.Report(new RecoveryProgress(_done, height, _bytesRead, bytesTotal));
        if (_clock.Elapsed - _lastReport < ProgressInterval) return;
        _lastReport = _clock.Elapsed;
        StorageLog.ReindexProgress(logger, _done, height, bytesTotal == 0 ? 100 : 100.0 * _bytesRead / bytesTotal);
    }
}
