using CsCheck;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Merkle;
using TrustLedger.Protocol.Primitives;
using Xunit;

namespace TrustLedger.Protocol.Tests.Merkle;

/// <summary>Light-client verifiers get proofs from untrusted nodes: they must answer false, never throw.</summary>
public sealed class MerkleProofHostileInputTests
{
    private static readonly IHashFunction Sha256 = DigestHashFunction.Sha256;

    private static readonly Gen<Hash32> AnyHash = Gen.Byte.Array[32].Select(b => new Hash32(b));

    private static readonly Gen<long> AnySize = Gen.OneOf(
        Gen.Long[-3, 70], Gen.Long, Gen.Const(long.MaxValue), Gen.Const(long.MinValue), Gen.Long[0, 62].Select(b => 1L << (int)b));

    [Fact]
    public void Random_inclusion_proofs_never_throw()
    {
        Gen.Select(AnySize, AnySize, AnyHash.Array[0, 80], AnyHash, AnyHash).Sample((index, size, path, leaf, root) =>
        {
            var verified = MerkleProofs.VerifyInclusion(Sha256, leaf, new InclusionProof(index, size, path), root);
            Assert.False(verified && (index < 0 || index >= size));
        }, iter: 5_000);
    }

    [Fact]
    public void Random_consistency_proofs_never_throw()
    {
        Gen.Select(AnySize, AnySize, AnyHash.Array[0, 80], AnyHash, AnyHash).Sample((m, n, path, r1, r2) =>
        {
            var verified = MerkleProofs.VerifyConsistency(Sha256, new ConsistencyProof(m, n, path), r1, r2);
            Assert.False(verified && (m < 0 || m > n));
        }, iter: 5_000);
    }

    [Fact]
    public void Null_or_malformed_proofs_are_rejected()
    {
        var h = Sha256.Hash("x"u8);
        Assert.False(MerkleProofs.VerifyInclusion(Sha256, h, null, h));
        Assert.False(MerkleProofs.VerifyInclusion(Sha256, h, new InclusionProof(0, 1, null!), h));
        Assert.False(MerkleProofs.VerifyConsistency(Sha256, null, h, h));
        Assert.False(MerkleProofs.VerifyConsistency(Sha256, new ConsistencyProof(1, 2, null!), h, h));
        Assert.False(MerkleProofs.VerifyInclusion(Sha256, h, new InclusionProof(long.MaxValue - 1, long.MaxValue, new Hash32[100_000]), h));
        Assert.False(MerkleProofs.VerifyConsistency(Sha256, new ConsistencyProof(long.MaxValue - 1, long.MaxValue, new Hash32[100_000]), h, h));
    }

    [Fact]
    public void Edge_sizes_follow_the_documented_rules()
    {
        var empty = MerkleProofs.EmptyRoot(Sha256);
        var a = Sha256.Hash("a"u8);
        var b = Sha256.Hash("b"u8);
        // Single-leaf tree: the root is the leaf hash and the path is empty.
        Assert.True(MerkleProofs.VerifyInclusion(Sha256, a, new InclusionProof(0, 1, []), a));
        Assert.False(MerkleProofs.VerifyInclusion(Sha256, a, new InclusionProof(0, 1, []), b));
        Assert.False(MerkleProofs.VerifyInclusion(Sha256, a, new InclusionProof(0, 0, []), a));
        // Equal sizes: empty proof and equal roots.
        Assert.True(MerkleProofs.VerifyConsistency(Sha256, new ConsistencyProof(3, 3, []), a, a));
        Assert.False(MerkleProofs.VerifyConsistency(Sha256, new ConsistencyProof(3, 3, []), a, b));
        Assert.False(MerkleProofs.VerifyConsistency(Sha256, new ConsistencyProof(3, 3, [a]), a, a));
        // From the empty tree: empty proof, and the old root must be the empty root.
        Assert.True(MerkleProofs.VerifyConsistency(Sha256, new ConsistencyProof(0, 5, []), empty, b));
        Assert.False(MerkleProofs.VerifyConsistency(Sha256, new ConsistencyProof(0, 5, []), a, b));
        Assert.False(MerkleProofs.VerifyConsistency(Sha256, new ConsistencyProof(0, 5, [empty]), empty, b));
        // Shrinking is never consistent.
        Assert.False(MerkleProofs.VerifyConsistency(Sha256, new ConsistencyProof(2, 1, []), a, a));
    }
}
