using CsCheck;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Merkle;

namespace TrustLedger.Protocol.Tests.Merkle;

/// <summary>
/// Copy-on-write forks: a fork behaves as an independent copy (checked against the reference map), its base never
/// changes through it (entries and root, and a proof taken before still verifies), adopting it gives the base exactly the
/// fork's entries and root, and a fork whose base moved on is refused.
/// </summary>
public sealed class SparseMerkleTreeForkTests
{
    private static readonly Gen<(int Op, int Key, byte[] Value)[]> Ops =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 80], Gen.Byte.Array[0, 6]).Array[0, 120];

    [Theory]
    [MemberData(nameof(SparseMerkleTreePropertyTests.HashNames), MemberType = typeof(SparseMerkleTreePropertyTests))]
    public void A_fork_is_an_independent_copy_and_adopting_it_commits_exactly_its_entries(string hashName)
    {
        var hash = SparseMerkleTreePropertyTests.HashByName(hashName);
        Gen.Select(Ops, Ops, Gen.Bool).Sample((before, after, roundBetween) =>
        {
            var tree = new SparseMerkleTree(hash);
            var baseReference = new ReferenceStateMap(hash);
            Apply(before, tree, baseReference);
            if (roundBetween) _ = tree.Root; // a base with dirty paths is brought up to date by Fork itself otherwise
            var baseRoot = baseReference.Root();
            var baseEntries = Dump(tree);

            var fork = tree.Fork();
            var forkReference = new ReferenceStateMap(hash);
            Apply(before, new SparseMerkleTree(hash), forkReference);
            Apply(after, fork, forkReference);

            Assert.Equal(forkReference.Root(), fork.Root);
            Assert.Equal(forkReference.Count, fork.Count);
            Assert.Equal(baseRoot, tree.Root);
            Assert.Equal(baseEntries, Dump(tree));
            Assert.Equal(baseReference.Count, tree.Count);

            Assert.True(tree.TryAdopt(fork));
            Assert.Equal(forkReference.Root(), tree.Root);
            Assert.Equal(Dump(fork), Dump(tree));
            Assert.Equal(forkReference.Count, tree.Count);

            // The adopted tree keeps working in place, and the spent fork can no longer reach it.
            Apply(before, tree, forkReference);
            Assert.Equal(forkReference.Root(), tree.Root);
            fork.Set([1, 2, 3], [9]);
            Assert.Equal(forkReference.Root(), tree.Root);
        }, iter: 120);
    }

    [Fact]
    public void A_fork_of_a_base_that_changed_since_is_refused()
    {
        var tree = new SparseMerkleTree(DigestHashFunction.Sha256);
        tree.Set([1], [1]);
        var stale = tree.Fork();
        stale.Set([2], [2]);
        var other = tree.Fork();
        other.Set([3], [3]);
        Assert.True(tree.TryAdopt(other));
        Assert.False(tree.TryAdopt(stale));
        Assert.False(tree.TryAdopt(other)); // spent
        Assert.False(new SparseMerkleTree(DigestHashFunction.Sha256).TryAdopt(tree.Fork()));
        Assert.Null(tree.Get([2]));
        Assert.Equal([3], tree.Get([3]));
        Assert.Throws<InvalidOperationException>(() => tree.Fork().Fork());
    }

    [Fact]
    public void Proofs_against_the_base_still_verify_while_a_fork_changes()
    {
        var hash = DigestHashFunction.Keccak256;
        var tree = new SparseMerkleTree(hash);
        for (var i = 0; i < 200; i++) tree.Set(SparseMerkleTreePropertyTests.Key(i), [(byte)i]);
        var root = tree.Root;
        var fork = tree.Fork();
        for (var i = 0; i < 200; i += 3) fork.Set(SparseMerkleTreePropertyTests.Key(i), [0xFF]);
        for (var i = 1; i < 200; i += 3) fork.Remove(SparseMerkleTreePropertyTests.Key(i));
        _ = fork.Root;
        Assert.Equal(root, tree.Root);
        for (var i = 0; i < 200; i++)
        {
            var key = SparseMerkleTreePropertyTests.Key(i);
            Assert.True(StateProof.Verify(hash, root, key, [(byte)i], tree.Prove(key)));
        }
    }

    private static void Apply((int Op, int Key, byte[] Value)[] ops, SparseMerkleTree tree, ReferenceStateMap reference)
    {
        foreach (var (op, k, value) in ops)
        {
            var key = SparseMerkleTreePropertyTests.Key(k);
            if (op == 2)
                Assert.Equal(reference.Remove(key), tree.Remove(key));
            else
            {
                tree.Set(key, value);
                reference.Set(key, value);
            }
        }
    }

    private static List<string> Dump(SparseMerkleTree tree) =>
        tree.Entries().Select(e => Convert.ToHexString(e.Key) + ":" + Convert.ToHexString(e.Value)).ToList();
}
