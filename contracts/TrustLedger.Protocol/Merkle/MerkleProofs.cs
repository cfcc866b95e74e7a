using System.Numerics;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Merkle;

/// <summary>
/// RFC 9162 (Certificate Transparency v2) Merkle tree hashing and proof verification, over any
/// <see cref="IHashFunction"/>. The verifiers run in light clients on proofs from untrusted nodes: whatever a proof
/// holds, they return <c>false</c> rather than throw. Only a null <see cref="IHashFunction"/> (a caller bug) throws.
/// </summary>
public static class MerkleProofs
{
    /// <summary>Domain-separation prefix of a leaf hash: <c>H(0x00 ‖ data)</c>.</summary>
    public const byte LeafPrefix = 0x00;

    /// <summary>Domain-separation prefix of an interior node hash: <c>H(0x01 ‖ left ‖ right)</c>.</summary>
    public const byte NodePrefix = 0x01;

    /// <summary>The leaf hash of an entry: <c>H(0x00 ‖ leafData)</c>.</summary>
    public static Hash32 LeafHash(IHashFunction hash, ReadOnlySpan<byte> leafData) => hash.Hash(LeafPrefix, leafData);

    /// <summary>An interior node hash: <c>H(0x01 ‖ left ‖ right)</c>.</summary>
    public static Hash32 NodeHash(IHashFunction hash, in Hash32 left, in Hash32 right) => hash.Hash(NodePrefix, left, right);

    /// <summary>The root of the empty tree: <c>H("")</c>.</summary>
    public static Hash32 EmptyRoot(IHashFunction hash) => hash.Hash(ReadOnlySpan<byte>.Empty);

    /// <summary>
    /// RFC 9162 §2.1.3.2: true iff <paramref name="proof"/> shows that <paramref name="leafHash"/> is leaf
    /// <c>LeafIndex</c> of the tree of <c>TreeSize</c> leaves whose root is <paramref name="root"/>.
    /// </summary>
    public static bool VerifyInclusion(IHashFunction hash, Hash32 leafHash, InclusionProof? proof, Hash32 root)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (proof?.Path is not { } path || proof.LeafIndex < 0 || proof.LeafIndex >= proof.TreeSize)
            return false;

        ulong fn = (ulong)proof.LeafIndex;
        ulong sn = (ulong)proof.TreeSize - 1;
        var r = leafHash;
        // Bounded by the loop itself: sn reaches 0 after at most 63 shifts, so a long hostile path fails fast.
        for (int i = 0; i < path.Count; i++)
        {
            if (sn == 0)
                return false;
            var p = path[i];
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(hash, p, r);
                while (fn != 0 && (fn & 1) == 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = NodeHash(hash, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r == root;
    }

    /// <summary>
    /// RFC 9162 §2.1.4.2: true iff <paramref name="proof"/> shows that the tree of <c>NewSize</c> leaves with root
    /// <paramref name="newRoot"/> extends the tree of <c>OldSize</c> leaves with root <paramref name="oldRoot"/>.
    /// The RFC covers <c>0 &lt; OldSize &lt; NewSize</c>; outside it the proof must be empty, equal sizes need equal
    /// roots, and an old size of 0 needs <paramref name="oldRoot"/> to be the empty-tree root.
    /// </summary>
    public static bool VerifyConsistency(IHashFunction hash, ConsistencyProof? proof, Hash32 oldRoot, Hash32 newRoot)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (proof?.Path is not { } path || proof.OldSize < 0 || proof.OldSize > proof.NewSize)
            return false;
        if (proof.OldSize == proof.NewSize)
            return path.Count == 0 && oldRoot == newRoot;
        if (proof.OldSize == 0)
            return path.Count == 0 && oldRoot == EmptyRoot(hash);
        if (path.Count == 0)
            return false;

        ulong first = (ulong)proof.OldSize;
        ulong second = (ulong)proof.NewSize;
        // Step 2: when the old tree is a perfect subtree its root is the first path element, implied by oldRoot.
        int next = BitOperations.IsPow2(first) ? 0 : 1;
        var fr = next == 0 ? oldRoot : path[0];
        var sr = fr;
        ulong fn = first - 1;
        ulong sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        for (int i = next; i < path.Count; i++)
        {
            if (sn == 0)
                return false;
            var c = path[i];
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(hash, c, fr);
                sr = NodeHash(hash, c, sr);
                while (fn != 0 && (fn & 1) == 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = NodeHash(hash, sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr == oldRoot && sr == newRoot;
    }
}
