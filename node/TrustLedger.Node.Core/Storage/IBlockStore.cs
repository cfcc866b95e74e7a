using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Storage;

/// <summary>
/// The node's source of truth: committed blocks in height order, starting at height 1.
/// <see cref="Append"/> returns only when the block is durable (fsync or equivalent), so a receipt may be
/// acknowledged right after it. Every implementation passes the same conformance suite.
/// Thread-safety: one writer (the chain driver) and any number of concurrent readers.
/// </summary>
public interface IBlockStore : IDisposable
{
    /// <summary>Height of the last durable block; 0 when the store is empty.</summary>
    ulong Height { get; }

    /// <summary>Appends the block at <see cref="Height"/> + 1; throws <see cref="InvalidOperationException"/> for any other height.</summary>
    void Append(Block block);

    Block? GetBlock(ulong height);

    BlockHeader? GetHeader(ulong height);

    /// <summary>Where a committed transaction sits, or null if the store has never committed it.</summary>
    TxLocation? FindTransaction(Hash32 txId);

    /// <summary>Blocks from <paramref name="fromHeight"/> to the current height, in order (restart replay, sync).</summary>
    IEnumerable<Block> ReadBlocks(ulong fromHeight);
}

/// <summary>A committed transaction's position: block height and index within the block.</summary>
public readonly record struct TxLocation(ulong Height, int Index);
