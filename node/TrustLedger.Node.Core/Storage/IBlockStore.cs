using TrustLedger.Protocol.Ledger;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Storage;

/// <summary>
/// The node's source of truth: committed blocks in height order, starting at height 1.
/// <see cref="Append"/> returns only when the block is durable (fsync or equivalent), so a receipt may be
/// acknowledged right after it. Every implementation passes the same conformance suite.
/// Thread-safety: one writer (the chain driver) and any number of concurrent readers; a reader never sees a
/// height whose block it cannot read. The store checks heights only: validating a block is consensus's job.
/// </summary>
public interface IBlockStore : IDisposable
{
    /// <summary>Height of the last durable block; 0 when the store is empty.</summary>
    ulong Height { get; }

    /// <summary>
    /// Appends the block at <see cref="Height"/> + 1 and returns once it is durable; throws
    /// <see cref="InvalidOperationException"/> for any other height, leaving the store unchanged.
    /// </summary>
    void Append(Block block);

    /// <summary>The block at <paramref name="height"/>, or null when the store has no block there (0 or above <see cref="Height"/>).</summary>
    Block? GetBlock(ulong height);

    /// <summary>The header of the block at <paramref name="height"/>, or null like <see cref="GetBlock"/>.</summary>
    BlockHeader? GetHeader(ulong height);

    /// <summary>
    /// Where a committed transaction sits, or null if the store has never committed it. Should one id be committed
    /// twice (a replay included with a failed receipt), the first occurrence wins.
    /// </summary>
    TxLocation? FindTransaction(Hash32 txId);

    /// <summary>
    /// Blocks from <paramref name="fromHeight"/> (0 reads as 1) up to <see cref="Height"/> as it was when enumeration
    /// started, in order (restart replay, sync). Lazy: blocks are read as the caller advances.
    /// </summary>
    IEnumerable<Block> ReadBlocks(ulong fromHeight);
}

/// <summary>A committed transaction's position: block height and index within the block.</summary>
public readonly record struct TxLocation(ulong Height, int Index);
