using System.Numerics;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

public sealed partial class MerkleLog
{
    /// <summary>
    /// The root the log would have after appending <paramref name="leafHashes"/>, without appending them: how a
    /// validator checks a proposed block's log root before the block is decided. O(k + log n) hashes.
    /// </summary>
    public Hash32 RootWithAppended(ReadOnlySpan<Hash32> leafHashes)
    {
        long committed = Size;
        if (leafHashes.IsEmpty) return RootAt(committed);
        return Mth(0, committed + leafHashes.Length, committed, leafHashes);
    }

    // RFC 9162 MTH over leaves [start, start + count) where leaves from `committed` on come from `extra`.
    private Hash32 Mth(long start, long count, long committed, ReadOnlySpan<Hash32> extra)
    {
        if (start + count <= committed) return SubtreeHash(start, count);
        if (count == 1) return extra[(int)(start - committed)];
        long split = 1L << (63 - BitOperations.LeadingZeroCount((ulong)(count - 1)));
        return MerkleProofs.NodeHash(_hash, Mth(start, split, committed, extra), Mth(start + split, count - split, committed, extra));
    }
}
