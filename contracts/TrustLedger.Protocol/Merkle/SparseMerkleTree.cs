using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

/// <summary>
/// An authenticated key/value map: a compact sparse Merkle tree over the 256-bit paths <c>H(key)</c>, where each leaf
/// sits at the first depth at which its path is unique (as in Diem's Jellyfish tree), so a tree of n random keys is
/// about log2 n deep rather than 256.
/// </summary>
/// <remarks>
/// <para>Hashes: leaf <c>H(0x00 ‖ H(key) ‖ H(value))</c>, branch <c>H(0x01 ‖ left ‖ right)</c>, empty subtree
/// <see cref="Hash32.Zero"/>, empty tree root <see cref="Hash32.Zero"/>. The shape is a function of the key set alone,
/// so the root depends only on the set of entries, never on the order of updates.</para>
/// <para>Updates only mark their path dirty; <see cref="Root"/> rehashes just the dirty nodes, so a block's worth of
/// updates costs one rehash of the union of their paths.</para>
/// <para>Not thread-safe (reading <see cref="Root"/> also writes hash caches): one owner, the state machine.</para>
/// </remarks>
public sealed partial class SparseMerkleTree
{
    /// <summary>Number of bits in a key path, hence the maximum depth.</summary>
    public const int PathBits = 256;

    private readonly IHashFunction _hash;
    private SmtNode? _root;

    /// <summary>An empty map.</summary>
    public SparseMerkleTree(IHashFunction hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        _hash = hash;
    }

    /// <summary>The hash function of key paths, values and nodes.</summary>
    public IHashFunction HashFunction => _hash;

    /// <summary>Number of entries.</summary>
    public int Count { get; private set; }

    /// <summary>A copy of the value stored under <paramref name="key"/>, or null when absent.</summary>
    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        var keyHash = _hash.Hash(key);
        var node = _root;
        for (int depth = 0; node is SmtBranch branch; depth++)
            node = branch.Child(keyHash.Bit(depth));
        return node is SmtLeaf leaf && Holds(leaf, keyHash, key) ? (byte[])leaf.Value.Clone() : null;
    }

    /// <summary>Inserts or replaces the value under <paramref name="key"/>. Both arrays are copied.</summary>
    public void Set(byte[] key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var keyHash = _hash.Hash(key);
        value = (byte[])value.Clone(); // the caller keeps ownership of its array; ours must never change under us

        Changing();
        SmtBranch? parent = null;
        bool side = false;
        var node = _root;
        int depth = 0;
        for (; node is SmtBranch shared; depth++)
        {
            var branch = Own(shared, parent, side);
            branch.Dirty = true;
            parent = branch;
            side = keyHash.Bit(depth);
            node = branch.Child(side);
        }

        if (node is SmtLeaf found && found.KeyHash == keyHash)
        {
            if (!found.Key.AsSpan().SequenceEqual(key))
                throw new InvalidOperationException($"{_hash.Name} collision between two keys: {keyHash}");
            var leaf = Own(found, parent, side);
            leaf.Value = value;
            leaf.Dirty = true;
            return;
        }
        var added = new SmtLeaf(keyHash, (byte[])key.Clone(), value) { Owner = _owner };
        var replacement = node is SmtLeaf other ? Split(other, added, depth, _owner) : added;
        Link(parent, side, replacement);
        Count++;
    }

    /// <summary>Removes the entry under <paramref name="key"/>; false when there was none.</summary>
    public bool Remove(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var keyHash = _hash.Hash(key);

        var node = _root;
        for (int depth = 0; node is SmtBranch branch; depth++)
            node = branch.Child(keyHash.Bit(depth));
        if (node is not SmtLeaf leaf || !Holds(leaf, keyHash, key))
            return false;

        Changing();
        var path = new List<SmtBranch>();
        node = _root;
        for (int depth = 0; node is SmtBranch shared; depth++)
        {
            var branch = Own(shared, path.Count == 0 ? null : path[^1], depth > 0 && keyHash.Bit(depth - 1));
            path.Add(branch);
            node = branch.Child(keyHash.Bit(depth));
        }
        Count--;
        if (path.Count == 0)
        {
            _root = null;
            return true;
        }
        path[^1].SetChild(keyHash.Bit(path.Count - 1), null);

        // A branch left with a lone leaf (and an empty side) is not canonical: hoist the leaf to where it is unique.
        int i = path.Count - 1;
        while (i >= 0 && LoneLeaf(path[i]) is { } lone)
        {
            if (i == 0)
                _root = lone;
            else
                path[i - 1].SetChild(keyHash.Bit(i - 1), lone);
            i--;
        }
        for (; i >= 0; i--)
            path[i].Dirty = true;
        return true;
    }

    // Two leaves that share the path prefix up to `depth`: branches down to their first differing bit. The existing
    // leaf moves down unchanged (a leaf's hash does not depend on its depth), so a fork may share it.
    private static SmtNode Split(SmtLeaf existing, SmtLeaf added, int depth, object? owner)
    {
        int split = depth;
        while (existing.KeyHash.Bit(split) == added.KeyHash.Bit(split))
            split++; // distinct 256-bit hashes differ somewhere below 256
        var node = new SmtBranch { Owner = owner };
        node.SetChild(added.KeyHash.Bit(split), added);
        node.SetChild(existing.KeyHash.Bit(split), existing);
        for (int d = split - 1; d >= depth; d--)
        {
            var above = new SmtBranch { Owner = owner };
            above.SetChild(added.KeyHash.Bit(d), node);
            node = above;
        }
        return node;
    }

    // The key bytes are compared too, so a (never yet seen) path-hash collision cannot alias two keys.
    private static bool Holds(SmtLeaf leaf, in Hash32 keyHash, ReadOnlySpan<byte> key) =>
        leaf.KeyHash == keyHash && leaf.Key.AsSpan().SequenceEqual(key);

    private static SmtLeaf? LoneLeaf(SmtBranch branch) => (branch.Left, branch.Right) switch
    {
        (SmtLeaf leaf, null) => leaf,
        (null, SmtLeaf leaf) => leaf,
        _ => null,
    };
}
