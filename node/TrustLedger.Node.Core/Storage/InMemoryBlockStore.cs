using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Storage;

/// <summary>
/// <see cref="IBlockStore"/> in memory, for simulation and unit tests. "Durable" means "in this object": a simulated
/// crash keeps a node's store instance and drops everything else. Blocks are kept as given (they are immutable).
/// </summary>
public sealed class InMemoryBlockStore : IBlockStore
{
    private readonly Lock _gate = new();
    private readonly List<Block> _blocks = [];
    private readonly Dictionary<Hash32, TxLocation> _transactions = [];
    private bool _disposed;

    /// <inheritdoc />
    public ulong Height
    {
        get
        {
            lock (_gate) return (ulong)_blocks.Count;
        }
    }

    /// <inheritdoc />
    public void Append(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var expected = (ulong)_blocks.Count + 1;
            if (block.Height != expected)
                throw new InvalidOperationException($"cannot append block {block.Height}: the next height is {expected}");
            for (var i = 0; i < block.Transactions.Count; i++)
                _transactions.TryAdd(block.Transactions[i].Id, new TxLocation(block.Height, i)); // first occurrence wins
            _blocks.Add(block);
        }
    }

    /// <inheritdoc />
    public Block? GetBlock(ulong height)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return height >= 1 && height <= (ulong)_blocks.Count ? _blocks[(int)(height - 1)] : null;
        }
    }

    /// <inheritdoc />
    public BlockHeader? GetHeader(ulong height) => GetBlock(height)?.Header;

    /// <inheritdoc />
    public TxLocation? FindTransaction(Hash32 txId)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _transactions.TryGetValue(txId, out var location) ? location : null;
        }
    }

    /// <inheritdoc />
    public IEnumerable<Block> ReadBlocks(ulong fromHeight)
    {
        var end = Height;
        for (var height = Math.Max(fromHeight, 1); height <= end; height++)
            yield return GetBlock(height) ?? throw new InvalidOperationException($"block {height} vanished");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate) _disposed = true;
    }
}
