using System.Numerics;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

public sealed partial class MerkleLog
{
    /// <summary>
    /// RFC 9162 §2.1.3.1 inclusion proof for leaf <paramref name="leafIndex"/> in the tree of the first
    /// <paramref name="treeSize"/> leaves. O(log n).
    /// </summary>
    public InclusionProof ProveInclusion(long leafIndex, long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, Size);
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, treeSize);

        // PATH(m, D[n]) recursion unrolled top-down; the RFC lists the deepest sibling first, so reverse at the end.
        var path = new List<Hash32>(64 - BitOperations.LeadingZeroCount((ulong)treeSize));
        long start = 0, n = treeSize, m = leafIndex;
        while (n > 1)
        {
            long k = LargestPowerOfTwoBelow(n);
            if (m < k)
            {
                path.Add(SubtreeHash(start + k, n - k));
                n = k;
            }
            else
            {
                path.Add(SubtreeHash(start, k));
                start += k;
                m -= k;
                n -= k;
            }
        }
        path.Reverse();
        return new InclusionProof(leafIndex, treeSize, path.ToArray());
    }

    /// <summary>
    /// RFC 9162 §2.1.4.1 consistency proof between the trees of the first <paramref name="oldSize"/> and
    /// <paramref name="newSize"/> leaves. Empty when <paramref name="oldSize"/> is 0 or equals
    /// <paramref name="newSize"/>. O(log n).
    /// </summary>
    public ConsistencyProof ProveConsistency(long oldSize, long newSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newSize, Size);
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, newSize);
        if (oldSize == 0 || oldSize == newSize)
            return new ConsistencyProof(oldSize, newSize, []);

        // SUBPROOF(m, D[n], b) unrolled top-down, reversed at the end like the inclusion path.
        var path = new List<Hash32>(64);
        long start = 0, n = newSize, m = oldSize;
        bool wholeOldTree = true; // b: the current subtree is exactly the old tree's root, which the verifier holds
        while (m != n)
        {
            long k = LargestPowerOfTwoBelow(n);
            if (m <= k)
            {
                path.Add(SubtreeHash(start + k, n - k));
                n = k;
            }
            else
            {
                path.Add(SubtreeHash(start, k));
                start += k;
                m -= k;
                n -= k;
                wholeOldTree = false;
            }
        }
        if (!wholeOldTree)
            path.Add(SubtreeHash(start, n));
        path.Reverse();
        return new ConsistencyProof(oldSize, newSize, path.ToArray());
    }

    // The k of RFC 9162 §2.1.1: the largest power of two strictly smaller than n (n > 1).
    private static long LargestPowerOfTwoBelow(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
}
