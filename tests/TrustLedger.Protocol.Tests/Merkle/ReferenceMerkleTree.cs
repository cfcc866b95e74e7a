using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Merkle;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Protocol.Tests.Merkle;

/// <summary>RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 transcribed literally (recursive, O(n) per call): the oracle.</summary>
internal static class ReferenceMerkleTree
{
    public static Hash32 Mth(IHashFunction h, ReadOnlySpan<Hash32> leaves) => leaves.Length switch
    {
        0 => MerkleProofs.EmptyRoot(h),
        1 => leaves[0],
        _ => MerkleProofs.NodeHash(h, Mth(h, leaves[..K(leaves.Length)]), Mth(h, leaves[K(leaves.Length)..])),
    };

    public static List<Hash32> Path(IHashFunction h, int m, ReadOnlySpan<Hash32> leaves)
    {
        if (leaves.Length == 1)
            return [];
        int k = K(leaves.Length);
        if (m < k)
        {
            var path = Path(h, m, leaves[..k]);
            path.Add(Mth(h, leaves[k..]));
            return path;
        }
        var right = Path(h, m - k, leaves[k..]);
        right.Add(Mth(h, leaves[..k]));
        return right;
    }

    public static List<Hash32> Proof(IHashFunction h, int m, ReadOnlySpan<Hash32> leaves) => SubProof(h, m, leaves, true);

    private static List<Hash32> SubProof(IHashFunction h, int m, ReadOnlySpan<Hash32> leaves, bool b)
    {
        int n = leaves.Length;
        if (m == n)
            return b ? [] : [Mth(h, leaves)];
        int k = K(n);
        if (m <= k)
        {
            var proof = SubProof(h, m, leaves[..k], b);
            proof.Add(Mth(h, leaves[k..]));
            return proof;
        }
        var rest = SubProof(h, m - k, leaves[k..], false);
        rest.Add(Mth(h, leaves[..k]));
        return rest;
    }

    private static int K(int n)
    {
        int k = 1;
        while (k << 1 < n)
            k <<= 1;
        return k;
    }
}
