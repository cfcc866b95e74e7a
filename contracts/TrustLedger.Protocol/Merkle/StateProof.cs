using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

/// <summary>
/// A <see cref="SparseMerkleTree"/> proof for one key. <see cref="Siblings"/>[i] is the hash of the subtree beside
/// the key's path at depth i + 1 (root first; <see cref="Hash32.Zero"/> when empty). The path ends on
/// <see cref="Leaf"/>: the key's own leaf (inclusion), another key's leaf sharing the path so far (exclusion), or
/// nothing, an empty subtree (exclusion).
/// </summary>
public sealed record StateProof(IReadOnlyList<Hash32> Siblings, StateProofLeaf? Leaf)
{
    /// <summary>
    /// True iff <paramref name="proof"/> shows that under <paramref name="root"/> the key maps to
    /// <paramref name="expectedValue"/>, or is absent when <paramref name="expectedValue"/> is null. Never throws on
    /// a hostile proof; only a null <paramref name="hash"/> (a caller bug) throws.
    /// </summary>
    public static bool Verify(IHashFunction hash, Hash32 root, ReadOnlySpan<byte> key, byte[]? expectedValue, StateProof? proof)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (proof?.Siblings is not { } siblings || siblings.Count > SparseMerkleTree.PathBits)
            return false;
        int depth = siblings.Count;
        var keyHash = hash.Hash(key);

        Hash32 node;
        if (expectedValue is not null)
        {
            if (proof.Leaf is not { } leaf || leaf.KeyHash != keyHash || leaf.ValueHash != hash.Hash(expectedValue))
                return false;
            node = hash.Hash(MerkleProofs.LeafPrefix, leaf.KeyHash, leaf.ValueHash);
        }
        else if (proof.Leaf is { } other)
        {
            // Another key's leaf can only sit on our path if it shares every bit of the path so far.
            if (other.KeyHash == keyHash || !SharesPrefix(other.KeyHash, keyHash, depth))
                return false;
            node = hash.Hash(MerkleProofs.LeafPrefix, other.KeyHash, other.ValueHash);
        }
        else
        {
            node = Hash32.Zero;
        }

        for (int d = depth - 1; d >= 0; d--)
        {
            var sibling = siblings[d];
            node = keyHash.Bit(d)
                ? hash.Hash(MerkleProofs.NodePrefix, sibling, node)
                : hash.Hash(MerkleProofs.NodePrefix, node, sibling);
        }
        return node == root;
    }

    private static bool SharesPrefix(in Hash32 a, in Hash32 b, int bits)
    {
        for (int i = 0; i < bits; i++)
        {
            if (a.Bit(i) != b.Bit(i))
                return false;
        }
        return true;
    }
}
