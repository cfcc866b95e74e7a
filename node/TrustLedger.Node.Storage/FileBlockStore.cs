using Microsoft.Extensions.Logging;
using TrustLedger.Node.Core.Storage;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Encoding;
using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Storage;

/// <summary>
/// The embedded on-disk <see cref="IBlockStore"/>: an append-only, fsynced, checksummed block log (the source of
/// truth, in <c>blocks-NNNNNN.log</c> segments) plus a LiteDB index (<c>index.db</c>) rebuilt from the log whenever
/// it lags or is lost. <see cref="Append"/> returns after one fsync of the log; the index follows on a thread of the
/// store's own, and until it has caught up, appended blocks are answered from memory.
/// A failed append or index write poisons the store (the block may or may not be durable): reopen it, as after a crash.
/// </summary>
public sealed partial class FileBlockStore : IBlockStore
{
    private readonly ICryptoSuite _suite;
    private readonly StoreLock _lock;
    private readonly BlockLog _log;
    private readonly BlockIndex _index;
    private readonly RecentBlocks _recent;
    private readonly Lock _writeGate = new();
    private ulong _height;
    private Exception? _fault;
    private volatile bool _disposed;

    private FileBlockStore(string directory, ICryptoSuite suite, StoreLock storeLock, BlockLog log, BlockIndex index, RecentBlocks recent, ulong height,
        ManualResetEventSlim? indexGate)
    {
        _indexGate = indexGate;
        Directory = directory;
        _suite = suite;
        _lock = storeLock;
        _log = log;
        _index = index;
        _recent = recent;
        _height = height;
        StartIndexer();
    }

    /// <summary>The directory holding the log segments, the index and the LOCK file.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public ulong Height => Volatile.Read(ref _height);

    /// <inheritdoc />
    public void Append(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Volatile.Read(ref _fault) is { } fault) throw new InvalidOperationException("an earlier append failed; reopen the store to recover", fault);
            var expected = _height + 1;
            if (block.Height != expected)
                throw new InvalidOperationException($"cannot append block {block.Height}: the next height is {expected}");
            WaitForIndexRoom();
            try
            {
                var location = _log.Append(block.Height, block.Encode());
                _recent.Add(block.Height, location, block.Header);
                QueueForIndex(block, location);
            }
            catch (Exception ex)
            {
                lock (_unindexedLock) _fault ??= ex;
                throw;
            }
            Volatile.Write(ref _height, block.Height); // publish last: readers of Height find the block indexed
        }
    }

    /// <inheritdoc />
    public Block? GetBlock(ulong height)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (height == 0 || height > Height) return null;
        var location = LocationOf(height);
        return Decode(_log, _suite, height, location, _log.Read(location, height));
    }

    /// <inheritdoc />
    public BlockHeader? GetHeader(ulong height)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (height == 0 || height > Height) return null;
        if (_recent.Get(height) is { } recent) return recent.Header;
        if (Unindexed(height) is { } unindexed) return unindexed.Header;
        var entry = _index.Get(height) ?? throw MissingFromIndex(height);
        var reader = new CanonicalReader(entry.HeaderBytes);
        var header = BlockHeader.Read(ref reader);
        reader.ExpectEnd();
        return header;
    }

    /// <inheritdoc />
    public TxLocation? FindTransaction(Hash32 txId)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Memory first: an entry leaves it only once indexed, so a miss there is found in the index. Both are asked
        // because an indexed occurrence is older than an unindexed one, and the first occurrence wins.
        var unindexed = FindUnindexed(txId);
        var location = _index.FindTransaction(txId) ?? unindexed;
        return location is { } found && found.Height <= Height ? found : null; // not yet published
    }

    /// <inheritdoc />
    public IEnumerable<Block> ReadBlocks(ulong fromHeight)
    {
        var end = Height;
        for (var height = Math.Max(fromHeight, 1); height <= end; height++)
            yield return GetBlock(height) ?? throw new ObjectDisposedException(nameof(FileBlockStore));
    }

    /// <summary>Closes the log, checkpoints and closes the index, and releases the directory lock.</summary>
    public void Dispose()
    {
        lock (_writeGate)
        {
            if (_disposed) return;
            _disposed = true;
            StopIndexer();
            _index.Dispose();
            _log.Dispose();
            _lock.Dispose();
        }
    }

    private BlockLocation LocationOf(ulong height) =>
        _recent.Get(height)?.Location ?? Unindexed(height)?.Location ?? (_index.Get(height) ?? throw MissingFromIndex(height)).Location;

    private InvalidOperationException MissingFromIndex(ulong height) =>
        new($"the block index has no entry for block {height} (height {Height}); reopen with RebuildIndex");
}
