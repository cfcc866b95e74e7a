using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Ledger;

namespace TrustLedger.Node.Storage;

public sealed partial class FileBlockStore
{
    /// <summary>Name of the LiteDB index file inside the store directory.</summary>
    public const string IndexFileName = "index.db";

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
            index = OpenIndex(Path.Combine(directory, IndexFileName), options, logger);
            var recent = new RecentBlocks(options.RecentBlocks);
            var height = CatchUp(log, index, recent, suite, options, logger);
            StorageLog.Opened(logger, directory, height, log.SegmentCount);
            return new FileBlockStore(directory, suite, storeLock, log, index, recent, height, options.IndexGate);
        }
        catch
        {
            index?.Dispose();
            log?.Dispose();
            storeLock.Dispose();
            throw;
        }
    }

    private static BlockIndex OpenIndex(string path, FileBlockStoreOptions options, ILogger logger)
    {
        if (options.RebuildIndex)
            StorageLog.IndexRebuilding(logger, path, "requested");
        else if (File.Exists(path))
        {
            try
            {
                return BlockIndex.Open(path, options.TxKeyBytes);
            }
            catch (Exception ex) // derived data: whatever is wrong with it, the log can rebuild it
            {
                StorageLog.IndexRebuilding(logger, path, $"unreadable ({ex.GetType().Name}: {ex.Message})");
            }
        }
        // New store, index deleted or unreadable: start empty (dropping any stale LiteDB side file) and let
        // CatchUp index the whole log.
        BlockIndex.Delete(path);
        return BlockIndex.Open(path, options.TxKeyBytes);
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
        var reindex = new IndexCatchUp(index, recent, options.Progress, logger, total);
        var height = log.Recover(start, firstHeight, (h, location, payload) =>
        {
            if (h <= indexed) return; // VerifyLog: checked, already indexed
            reindex.Add(Decode(log, suite, h, location, payload), location);
        });
        reindex.Finish();
        return height;
    }

    /// <summary>Decodes a checksummed payload; failure there is a bug or tampering, not bit rot, and is reported as corruption.</summary>
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
}
