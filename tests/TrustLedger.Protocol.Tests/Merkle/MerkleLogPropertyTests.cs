using CsCheck;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Merkle;
using TrustLedger.Protocol.Primitives;
using Xunit;

namespace TrustLedger.Protocol.Tests.Merkle;

public sealed class MerkleLogPropertyTests
{
    private static readonly IHashFunction Sha256 = DigestHashFunction.Sha256;

    // (size, seed): leaves are 32 random bytes from a seeded RNG, hence distinct, so no proof verifies by accident.
    private static readonly Gen<(int Size, int Seed)> SizeAndSeed = Gen.Select(Gen.Int[1, 140], Gen.Int);

    internal static Hash32[] RandomLeafHashes(IHashFunction hash, int count, int seed)
    {
        var rng = new Random(seed);
        var data = new byte[32];
        var leaves = new Hash32[count];
        for (int i = 0; i < count; i++)
        {
            rng.NextBytes(data);
            leaves[i] = MerkleProofs.LeafHash(hash, data);
        }
        return leaves;
    }

    private static MerkleLog Build(IHashFunction hash, Hash32[] leaves)
    {
        var log = new MerkleLog(hash);
        foreach (var leaf in leaves)
            log.AppendLeafHash(leaf);
        return log;
    }

    private static Hash32 Flip(Hash32 h) => Rfc6962VectorTests.FlipBit([h], 0, 0)[0];

    [Fact]
    public void RootAt_every_size_equals_a_fresh_log_and_the_rfc_reference()
    {
        SizeAndSeed.Sample((size, seed) =>
        {
            var leaves = RandomLeafHashes(Sha256, size, seed);
            var log = Build(Sha256, leaves);
            for (int m = 0; m <= size; m++)
            {
                var expected = ReferenceMerkleTree.Mth(Sha256, leaves.AsSpan(0, m));
                Assert.Equal(expected, log.RootAt(m));
                Assert.Equal(expected, Build(Sha256, leaves[..m]).Root);
            }
            Assert.Equal(log.Root, log.RootAt(size));
        }, iter: 60);
    }

    [Fact]
    public void Every_inclusion_proof_matches_the_reference_verifies_and_fails_when_altered()
    {
        SizeAndSeed.Sample((size, seed) =>
        {
            var leaves = RandomLeafHashes(Sha256, size, seed);
            var log = Build(Sha256, leaves);
            // Proofs against an earlier size too, so RootAt and old-size proofs are exercised together.
            foreach (int n in new[] { size, (size + 1) / 2 })
            {
                var root = log.RootAt(n);
                for (int i = 0; i < n; i++)
                {
                    var proof = log.ProveInclusion(i, n);
                    Assert.Equal(ReferenceMerkleTree.Path(Sha256, i, leaves.AsSpan(0, n)), proof.Path);
                    Assert.True(MerkleProofs.VerifyInclusion(Sha256, leaves[i], proof, root));

                    Assert.False(MerkleProofs.VerifyInclusion(Sha256, Flip(leaves[i]), proof, root));
                    Assert.False(MerkleProofs.VerifyInclusion(Sha256, leaves[i], proof, Flip(root)));
                    for (int other = Math.Max(0, i - 2); other < Math.Min(n, i + 3); other++)
                    {
                        if (other != i)
                            Assert.False(MerkleProofs.VerifyInclusion(Sha256, leaves[i], proof with { LeafIndex = other }, root));
                    }
                    var path = proof.Path.ToArray();
                    for (int e = 0; e < path.Length; e++)
                    {
                        var tampered = proof with { Path = Rfc6962VectorTests.FlipBit(path, e, e % 8) };
                        Assert.False(MerkleProofs.VerifyInclusion(Sha256, leaves[i], tampered, root));
                    }
                    Assert.False(MerkleProofs.VerifyInclusion(Sha256, leaves[i], proof with { Path = [.. path, root] }, root));
                    if (path.Length > 0)
                        Assert.False(MerkleProofs.VerifyInclusion(Sha256, leaves[i], proof with { Path = path[..^1] }, root));
                }
            }
        }, iter: 60);
    }

    [Fact]
    public void Every_consistency_proof_matches_the_reference_verifies_and_fails_when_altered()
    {
        Gen.Select(Gen.Int[1, 70], Gen.Int).Sample((size, seed) =>
        {
            var leaves = RandomLeafHashes(Sha256, size, seed);
            var log = Build(Sha256, leaves);
            for (int n = 1; n <= size; n++)
            {
                var newRoot = log.RootAt(n);
                for (int m = 0; m <= n; m++)
                {
                    var oldRoot = log.RootAt(m);
                    var proof = log.ProveConsistency(m, n);
                    if (m == 0 || m == n)
                        Assert.Empty(proof.Path);
                    else if (n == size) // the O(n) oracle only for the full tree, to keep the test quick
                        Assert.Equal(ReferenceMerkleTree.Proof(Sha256, m, leaves), proof.Path);
                    Assert.True(MerkleProofs.VerifyConsistency(Sha256, proof, oldRoot, newRoot));
                    if (m == 0 || m == n)
                        continue;

                    Assert.False(MerkleProofs.VerifyConsistency(Sha256, proof, Flip(oldRoot), newRoot));
                    Assert.False(MerkleProofs.VerifyConsistency(Sha256, proof, oldRoot, Flip(newRoot)));
                    Assert.False(MerkleProofs.VerifyConsistency(Sha256, proof, newRoot, oldRoot));
                    var path = proof.Path.ToArray();
                    for (int e = 0; e < path.Length; e++)
                    {
                        var tampered = proof with { Path = Rfc6962VectorTests.FlipBit(path, e, e % 8) };
                        Assert.False(MerkleProofs.VerifyConsistency(Sha256, tampered, oldRoot, newRoot));
                    }
                    Assert.False(MerkleProofs.VerifyConsistency(Sha256, proof with { Path = path[..^1] }, oldRoot, newRoot));
                    Assert.False(MerkleProofs.VerifyConsistency(Sha256, proof with { Path = [.. path, newRoot] }, oldRoot, newRoot));
                    Assert.False(MerkleProofs.VerifyConsistency(Sha256, proof with { Path = [path[0], .. path] }, oldRoot, newRoot));
                }
            }
        }, iter: 20);
    }

    [Fact]
    public void Rebuilding_from_leaf_hashes_gives_the_same_log()
    {
        SizeAndSeed.Sample((size, seed) =>
        {
            var leaves = RandomLeafHashes(Sha256, size, seed);
            var appended = Build(Sha256, leaves);
            var rebuilt = MerkleLog.FromLeafHashes(Sha256, leaves);
            var batched = new MerkleLog(Sha256);
            batched.AppendLeafHashes(leaves.AsSpan(0, size / 3));
            batched.AppendLeafHashes(leaves.AsSpan(size / 3));

            Assert.Equal(size, rebuilt.Size);
            Assert.Equal(size, batched.Size);
            for (int m = 0; m <= size; m++)
            {
                Assert.Equal(appended.RootAt(m), rebuilt.RootAt(m));
                Assert.Equal(appended.RootAt(m), batched.RootAt(m));
            }
            for (int i = 0; i < size; i++)
            {
                Assert.Equal(leaves[i], rebuilt.LeafHash(i));
                Assert.Equal(appended.ProveInclusion(i, size).Path, rebuilt.ProveInclusion(i, size).Path);
            }
        }, iter: 40);
    }

    [Fact]
    public void Works_with_every_suite_hash_and_across_segment_boundaries()
    {
        // 40,000 leaves spans several 16,384-entry storage segments at level 0 and a grown first segment above.
        foreach (var hash in new IHashFunction[] { DigestHashFunction.Sha256, DigestHashFunction.Keccak256, DigestHashFunction.Sm3 })
        {
            var leaves = RandomLeafHashes(hash, 40_000, seed: 7);
            var log = MerkleLog.FromLeafHashes(hash, leaves);
            Assert.Equal(ReferenceMerkleTree.Mth(hash, leaves), log.Root);
            var rng = new Random(11);
            for (int probe = 0; probe < 50; probe++)
            {
                int n = rng.Next(1, leaves.Length + 1);
                int m = rng.Next(0, n + 1);
                int i = rng.Next(0, n);
                Assert.True(MerkleProofs.VerifyInclusion(hash, leaves[i], log.ProveInclusion(i, n), log.RootAt(n)));
                Assert.True(MerkleProofs.VerifyConsistency(hash, log.ProveConsistency(m, n), log.RootAt(m), log.RootAt(n)));
            }
        }
    }

    [Fact]
    public void Proof_and_root_work_is_logarithmic()
    {
        var counting = new CountingHashFunction(Sha256);
        var log = MerkleLog.FromLeafHashes(counting, RandomLeafHashes(Sha256, 100_000, seed: 3));
        // One hash per cached perfect subtree, n − popcount(n), plus the empty root; the root fold is deferred.
        Assert.Equal(100_000 - System.Numerics.BitOperations.PopCount(100_000) + 1, counting.Calls);

        long before = counting.Calls;
        _ = log.Root;
        _ = log.RootAt(77_777);
        _ = log.ProveInclusion(12_345, 99_999);
        _ = log.ProveConsistency(54_321, 99_999);
        Assert.True(counting.Calls - before <= 4 * 2 * 17, $"{counting.Calls - before} hashes");
    }

    [Fact]
    public void Out_of_range_requests_throw()
    {
        var log = Build(Sha256, RandomLeafHashes(Sha256, 5, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.RootAt(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.RootAt(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.ProveInclusion(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.ProveInclusion(0, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.ProveInclusion(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.ProveConsistency(4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.ProveConsistency(1, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.LeafHash(5));
    }
}
