using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

public sealed partial class SparseMerkleTree
{
    /// <summary>The root hash (<see cref="Hash32.Zero"/> when empty). Rehashes only nodes changed since the last call.</summary>
    public Hash32 Root => _root is null ? Hash32.Zero : HashOf(_root);

    // Depth-first over dirty nodes only; clean subtrees return their cached hash. Recursion depth ≤ 257.
    private Hash32 HashOf(SmtNode? node)
    {
        if (node is null)
            return Hash32.Zero;
        if (!node.Dirty)
            return node.Hash;
        if (node is SmtLeaf leaf)
        {
            leaf.ValueHash = _hash.Hash(leaf.Value);
            leaf.Hash = LeafHash(_hash, leaf.KeyHash, leaf.ValueHash);
        }
        else
        {
            var branch = (SmtBranch)node;
            branch.Hash = _hash.Hash(MerkleProofs.NodePrefix, HashOf(branch.Left), HashOf(branch.Right));
        }
        node.Dirty = false;
        return node.Hash;
    }

    private static Hash32 LeafHash(Crypto.IHashFunction hash, in Hash32 keyHash, in Hash32 valueHash) =>
        hash.Hash(MerkleProofs.LeafPrefix, keyHash, valueHash);
}
