using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Storage;

public sealed partial class FileBlockStore
{
    /// <summary>Name of the LiteDB index file inside the store directory.</summary>
    public const string IndexFileName = "index.db";

    private const int BatchBlocks = 256;
    private const int BatchTransactions = 20_000;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    /// <summary>Opens (or creates) the store in <paramref name="directory"/> with default options.</summary>
    public static FileBlockStore Open(string directory, ICryptoSuite suite, ILogger? logger = null) =>
        Open(directory, suite, new FileBlockStoreOptions(), logger);

    /// <summary>
    /// Opens (or creates) the store in <paramref name="directory"/>: locks it, cuts a torn record off the log's tail,
    /// and brings the index up to the log (rebuilding it when missing or unreadable), logging progress.
    /// Throws <see cref="BlockLogCorruptException"/> when the log is damaged anywhere else or shorter than its index,
    /// and <see cref="IOException"/> when the directory is already open.
    /// </summary>
    public static FileBlockStore Open(string directory, ICryptoSuite suite, FileBlockStoreOptions options, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SegmentSize, LogFormat.SegmentHeaderSize + 1L);
        logger ??= NullLogger.Instance;
        directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(directory);

        var storeLock = StoreLock.Acquire(directory);
        BlockLog? log = null;
        BlockIndex? index = null;
        try
        {
            log = BlockLog.Open(directory, options.SegmentSize, logger);
            index = OpenIndex(Path.Combine(directory, IndexFileName), options.RebuildIndex, logger);
            var recent = new RecentBlocks(options.RecentBlocks);
            var height = CatchUp(log, index, recent, suite, options, logger);
            StorageLog.Opened(logger, directory, height, log.SegmentCount);
            return new FileBlockStore(directory, suite, storeLock, log, index, recent, height);
        }
        catch
        {
            index?.Dispose();
            log?.Dispose();
            storeLock.Dispose();
            throw;
        }
    }

    private static BlockIndex OpenIndex(string path, bool rebuild, ILogger logger)
    {
        if (rebuild)
            StorageLog.IndexRebuilding(logger, path, "requested");
        else if (!File.Exists(path))
            return BlockIndex.Open(path); // new store, or index deleted: CatchUp indexes the whole log
        else
        {
            try
            {
                return BlockIndex.Open(path);
            }
            catch (Exception ex) // derived data: whatever is wrong with it, the log can rebuild it
            {
                StorageLog.IndexRebuilding(logger, path, $"unreadable ({ex.GetType().Name}: {ex.Message})");
            }
        }
        BlockIndex.Delete(path);
        return BlockIndex.Open(path);
    }

    /// <summary>Verifies the index's last block in the log, then reads and indexes every block after it.</summary>
    private static ulong CatchUp(BlockLog log, BlockIndex index, RecentBlocks recent, ICryptoSuite suite, FileBlockStoreOptions options, ILogger logger)
    {
        var indexed = index.Height;
        var start = BlockLog.Start;
        if (indexed > 0)
        {
            var last = index.Get(indexed) ?? throw new InvalidDataException($"index lost block {indexed}");
            log.CheckIndexedRecord(last.Location, indexed);
            if (!options.VerifyLog) start = new LogPosition(last.Location.Segment, last.Location.End);
        }
        var firstHeight = start == BlockLog.Start ? 1UL : indexed + 1;
        var total = log.BytesFrom(start);
        var reindex = new Reindexer(index, recent, options.Progress, logger, total);
        var height = log.Recover(start, firstHeight, (h, location, payload) =>
        {
            if (h <= indexed) return; // VerifyLog: checked, already indexed
            reindex.Add(Decode(log, suite, h, location, payload), location);
        });
        reindex.Finish();
        return height;
    }

    private static Block Decode(BlockLog log, ICryptoSuite suite, ulong height, BlockLocation location, ReadOnlyMemory<byte> payload)
    {
        try
        {
            var block = Block.Decode(payload.Span, suite);
            if (block.Height == height) return block;
            throw new FormatException($"block decodes with height {block.Height}");
        }
        catch (FormatException ex)
        {
            throw new BlockLogCorruptException(log.PathOf(location.Segment), location.Offset, $"block {height} does not decode: {ex.Message}");
        }
    }

    /// <summary>Batches blocks into index transactions and reports progress while the index catches up.</summary>
    private sealed class Reindexer(BlockIndex index, RecentBlocks recent, IProgress<RecoveryProgress>? progress, ILogger logger, long bytesTotal)
    {
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
}
