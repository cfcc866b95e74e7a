using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

public sealed partial class SparseMerkleTree
{
    /// <summary>
    /// A proof, against the current <see cref="Root"/>, of the value under <paramref name="key"/> (inclusion) or of
    /// its absence (exclusion). Brings the root up to date first.
    /// </summary>
    public StateProof Prove(ReadOnlySpan<byte> key)
    {
        _ = Root;
        var keyHash = _hash.Hash(key);
        var siblings = new List<Hash32>();
        var node = _root;
        for (int depth = 0; node is SmtBranch branch; depth++)
        {
            bool bit = keyHash.Bit(depth);
            siblings.Add(branch.Child(!bit) is { } sibling ? sibling.Hash : Hash32.Zero);
            node = branch.Child(bit);
        }
        var leaf = node is SmtLeaf l ? new StateProofLeaf(l.KeyHash, l.ValueHash) : null;
        return new StateProof(siblings.ToArray(), leaf);
    }

    /// <summary>Every entry, as copies, in ascending order of <c>H(key)</c> (the tree's left-to-right order).</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> Entries()
    {
        // Explicit stack: the tree may be up to 256 deep and iterators should not nest that far.
        var stack = new Stack<SmtNode>();
        if (_root is not null)
            stack.Push(_root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is SmtLeaf leaf)
            {
                yield return new KeyValuePair<byte[], byte[]>((byte[])leaf.Key.Clone(), (byte[])leaf.Value.Clone());
                continue;
            }
            var branch = (SmtBranch)node;
            if (branch.Right is not null)
                stack.Push(branch.Right);
            if (branch.Left is not null)
                stack.Push(branch.Left);
        }
    }
}
