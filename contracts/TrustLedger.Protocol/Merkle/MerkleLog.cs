using System.Numerics;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

/// <summary>
/// An append-only RFC 9162 Merkle log held in memory, parameterised by an <see cref="IHashFunction"/>.
/// </summary>
/// <remarks>
/// <para>Storage: level <c>h</c> holds the hash of every complete perfect subtree of <c>2^h</c> leaves, aligned on a
/// multiple of <c>2^h</c> (level 0 = leaf hashes). That is about 2 × 32 bytes per leaf, an append does amortised one
/// (worst case log n) node hash, and any RFC subtree hash — hence any root, inclusion or consistency proof — is
/// O(log n) lookups and hashes: the only non-perfect subtrees in the RFC recursion lie on one right spine.</para>
/// <para>Threading: one appending thread; any number of concurrent readers (roots, proofs, leaf hashes) without locks.
/// Appended slots are never rewritten and segments are never moved (<see cref="AppendOnlyHashList"/>); the writer
/// publishes <see cref="Size"/> with a volatile write only after every level is updated, and readers bound all work
/// by one volatile read of it, so they see a consistent tree of that size. Concurrent appends are not supported.</para>
/// </remarks>
public sealed partial class MerkleLog
{
    private const int MaxLevels = 64;

    private readonly IHashFunction _hash;
    private readonly Hash32 _emptyRoot;
    private readonly AppendOnlyHashList[] _levels = new AppendOnlyHashList[MaxLevels];
    private long _size;

    /// <summary>An empty log.</summary>
    public MerkleLog(IHashFunction hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        _hash = hash;
        _emptyRoot = MerkleProofs.EmptyRoot(hash);
        _levels[0] = new AppendOnlyHashList();
    }

    /// <summary>Rebuilds a log from its leaf hashes in order (restart replay): fewer than n node hashes in total.</summary>
    public static MerkleLog FromLeafHashes(IHashFunction hash, IEnumerable<Hash32> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var log = new MerkleLog(hash);
        long size = 0;
        foreach (var leafHash in leafHashes)
            log.AppendCore(leafHash, size++);
        Volatile.Write(ref log._size, size);
        return log;
    }

    /// <summary>The hash function every leaf and node of this log uses.</summary>
    public IHashFunction HashFunction => _hash;

    /// <summary>Number of leaves appended and published to readers.</summary>
    public long Size => Volatile.Read(ref _size);

    /// <summary>The root of the current tree (<c>H("")</c> when empty).</summary>
    public Hash32 Root => RootAt(Size);

    /// <summary>The root the log had when it held its first <paramref name="size"/> leaves.</summary>
    public Hash32 RootAt(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        return size == 0 ? _emptyRoot : SubtreeHash(0, size);
    }

    /// <summary>The leaf hash at <paramref name="index"/>.</summary>
    public Hash32 LeafHash(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        return _levels[0][index];
    }

    /// <summary>Appends an entry; its leaf hash is <c>H(0x00 ‖ leafData)</c>.</summary>
    public void AppendLeaf(ReadOnlySpan<byte> leafData) => AppendLeafHash(MerkleProofs.LeafHash(_hash, leafData));

    /// <summary>Appends an already computed leaf hash.</summary>
    public void AppendLeafHash(Hash32 leafHash)
    {
        long size = _size;
        AppendCore(leafHash, size);
        Volatile.Write(ref _size, size + 1);
    }

    /// <summary>Appends many leaf hashes; readers see none of them until all are in.</summary>
    public void AppendLeafHashes(ReadOnlySpan<Hash32> leafHashes)
    {
        long size = _size;
        foreach (var leafHash in leafHashes)
            AppendCore(leafHash, size++);
        Volatile.Write(ref _size, size);
    }

    // Adds leaf number `index` and every perfect subtree it completes; publishes nothing.
    private void AppendCore(in Hash32 leafHash, long index)
    {
        _levels[0].Add(leafHash);
        var node = leafHash;
        int level = 0;
        while ((index & 1) == 1)
        {
            node = MerkleProofs.NodeHash(_hash, _levels[level][index - 1], node);
            level++;
            index >>= 1;
            (_levels[level] ??= new AppendOnlyHashList()).Add(node);
        }
    }

    // MTH(D[start : start + count]) per RFC 9162 §2.1.1. `start` must be aligned as the RFC recursion leaves it
    // (a multiple of the largest power of two ≤ count), which makes every perfect piece a cached level entry.
    private Hash32 SubtreeHash(long start, long count)
    {
        // count = 2^a + 2^b + … (a > b > …): the tree is H(P_a, H(P_b, …)), so fold the perfect pieces from the right.
        long end = start + count;
        int level = BitOperations.TrailingZeroCount(count);
        end -= 1L << level;
        var acc = _levels[level][end >> level];
        for (long remaining = count & (count - 1); remaining != 0; remaining &= remaining - 1)
        {
            level = BitOperations.TrailingZeroCount(remaining);
            end -= 1L << level;
            acc = MerkleProofs.NodeHash(_hash, _levels[level][end >> level], acc);
        }
        return acc;
    }
}
