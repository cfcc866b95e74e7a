using CsCheck;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Merkle;
using TrustLedger.Protocol.Primitives;
using Xunit;

namespace TrustLedger.Protocol.Tests.Merkle;

public sealed class SparseMerkleTreePropertyTests
{
    public static TheoryData<string> HashNames => ["sha256", "keccak256", "sm3", "deep"];

    internal static IHashFunction HashByName(string name) => name switch
    {
        "sha256" => DigestHashFunction.Sha256,
        "keccak256" => DigestHashFunction.Keccak256,
        "sm3" => DigestHashFunction.Sm3,
        _ => new DeepPathHashFunction(),
    };

    // (op: 0/1 set, 2 remove; key from a small space so overwrites and removes hit; value).
    private static readonly Gen<(int Op, int Key, byte[] Value)[]> Ops =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 80], Gen.Byte.Array[0, 6]).Array[1, 250];

    internal static byte[] Key(int k) => k < 40 ? [(byte)k] : BitConverter.GetBytes(k * 7919);

    [Theory]
    [MemberData(nameof(HashNames))]
    public void Matches_the_reference_map_under_random_operations(string hashName)
    {
        var hash = HashByName(hashName);
        Ops.Sample(ops =>
        {
            var smt = new SparseMerkleTree(hash);
            var reference = new ReferenceStateMap(hash);
            for (int i = 0; i < ops.Length; i++)
            {
                var (op, k, value) = ops[i];
                var key = Key(k);
                if (op == 2)
                    Assert.Equal(reference.Remove(key), smt.Remove(key));
                else
                {
                    smt.Set(key, value);
                    reference.Set(key, value);
                }
                Assert.Equal(reference.Get(key), smt.Get(key));
                Assert.Equal(reference.Count, smt.Count);
                if (i % 7 == 0) // also lets several updates batch up between roots
                    Assert.Equal(reference.Root(), smt.Root);
            }
            Assert.Equal(reference.Root(), smt.Root);
            var expectedOrder = reference.Entries.OrderBy(e => hash.Hash(e.Key)).Select(e => Convert.ToHexString(e.Key) + ":" + Convert.ToHexString(e.Value)).ToList();
            var actualOrder = smt.Entries().Select(e => Convert.ToHexString(e.Key) + ":" + Convert.ToHexString(e.Value)).ToList();
            Assert.Equal(expectedOrder, actualOrder);
        }, iter: 150);
    }

    [Theory]
    [MemberData(nameof(HashNames))]
    public void Root_depends_only_on_the_final_entries_not_on_order(string hashName)
    {
        var hash = HashByName(hashName);
        var entries = Gen.Select(Gen.Int.ArrayUnique[0, 120], Gen.Int).Select((keys, seed) =>
            (Keys: keys.Select(k => BitConverter.GetBytes(k)).ToArray(), Seed: seed));
        entries.Sample(t =>
        {
            var rng = new Random(t.Seed);
            var values = t.Keys.Select(_ => BitConverter.GetBytes(rng.Next())).ToArray();

            var inOrder = new SparseMerkleTree(hash);
            for (int i = 0; i < t.Keys.Length; i++)
                inOrder.Set(t.Keys[i], values[i]);

            // Same final map reached differently: shuffled, with stale values overwritten and extra keys removed.
            var shuffled = new SparseMerkleTree(hash);
            var order = Enumerable.Range(0, t.Keys.Length).OrderBy(_ => rng.Next()).ToArray();
            foreach (int i in order)
            {
                shuffled.Set(t.Keys[i], [0xEE]);
                shuffled.Set(BitConverter.GetBytes(~i).Concat(new byte[] { 1 }).ToArray(), values[i]);
                if (rng.Next(3) == 0)
                    _ = shuffled.Root; // interleave hashing with updates
            }
            foreach (int i in order.Reverse())
            {
                shuffled.Set(t.Keys[i], values[i]);
                Assert.True(shuffled.Remove(BitConverter.GetBytes(~i).Concat(new byte[] { 1 }).ToArray()));
            }

            Assert.Equal(inOrder.Root, shuffled.Root);
            Assert.Equal(inOrder.Count, shuffled.Count);
            Assert.Equal(inOrder.Entries().Select(e => e.Key), shuffled.Entries().Select(e => e.Key));
        }, iter: 80);
    }

    [Theory]
    [MemberData(nameof(HashNames))]
    public void Inclusion_and_exclusion_proofs_verify_and_fail_when_tampered(string hashName)
    {
        var hash = HashByName(hashName);
        Gen.Select(Gen.Int[0, 50], Gen.Int).Sample((count, seed) =>
        {
            var rng = new Random(seed);
            var smt = new SparseMerkleTree(hash);
            var present = new List<(byte[] Key, byte[] Value)>();
            for (int i = 0; i < count; i++)
            {
                var key = BitConverter.GetBytes(rng.Next());
                var value = BitConverter.GetBytes(rng.Next());
                smt.Set(key, value);
                present.RemoveAll(p => p.Key.AsSpan().SequenceEqual(key));
                present.Add((key, value));
            }
            var root = smt.Root;
            var wrongRoot = hash.Hash("not the root"u8);

            foreach (var (key, value) in present)
            {
                var proof = smt.Prove(key);
                Assert.True(StateProof.Verify(hash, root, key, value, proof));
                Assert.False(StateProof.Verify(hash, wrongRoot, key, value, proof));
                Assert.False(StateProof.Verify(hash, root, key, [.. value, 0], proof));
                Assert.False(StateProof.Verify(hash, root, key, null, proof));
                Assert.False(StateProof.Verify(hash, root, [.. key, 0], value, proof));
                AssertTamperedFails(hash, root, key, value, proof, rng);
            }
            for (int i = 0; i < 20; i++)
            {
                var absent = BitConverter.GetBytes(rng.Next()).Concat(new byte[] { 0xAB }).ToArray();
                var proof = smt.Prove(absent);
                Assert.True(StateProof.Verify(hash, root, absent, null, proof));
                Assert.False(StateProof.Verify(hash, wrongRoot, absent, null, proof));
                Assert.False(StateProof.Verify(hash, root, absent, [1], proof));
                AssertTamperedFails(hash, root, absent, null, proof, rng);
            }
        }, iter: hash is DeepPathHashFunction ? 10 : 40); // deep paths cost ~250 hashes per verification
    }

    private static void AssertTamperedFails(IHashFunction hash, Hash32 root, byte[] key, byte[]? value, StateProof proof, Random rng)
    {
        var siblings = proof.Siblings.ToArray();
        // Flip a few siblings (all of them in shallow trees): any change to the chain must change the root.
        for (int probe = 0; probe < Math.Min(siblings.Length, 8); probe++)
        {
            int e = siblings.Length <= 8 ? probe : rng.Next(siblings.Length);
            var tampered = proof with { Siblings = Rfc6962VectorTests.FlipBit(siblings, e, rng.Next(8)) };
            Assert.False(StateProof.Verify(hash, root, key, value, tampered));
        }
        Assert.False(StateProof.Verify(hash, root, key, value, proof with { Siblings = [.. siblings, Hash32.Zero] }));
        Assert.False(StateProof.Verify(hash, root, key, value, proof with { Siblings = [Hash32.Zero, .. siblings] }));
        if (siblings.Length > 0)
            Assert.False(StateProof.Verify(hash, root, key, value, proof with { Siblings = siblings[..^1] }));

        if (proof.Leaf is { } leaf)
        {
            Assert.False(StateProof.Verify(hash, root, key, value, proof with { Leaf = null }));
            Assert.False(StateProof.Verify(hash, root, key, value, proof with { Leaf = leaf with { ValueHash = hash.Hash("x"u8) } }));
        }
        else
        {
            var fake = new StateProofLeaf(hash.Hash("someone else"u8), hash.Hash("x"u8));
            Assert.False(StateProof.Verify(hash, root, key, value, proof with { Leaf = fake }));
        }
    }

    [Fact]
    public void Exclusion_proofs_cover_both_empty_slots_and_other_leaves()
    {
        var smt = new SparseMerkleTree(DigestHashFunction.Sha256);
        for (int i = 0; i < 64; i++)
            smt.Set(BitConverter.GetBytes(i), [1]);
        var proofs = Enumerable.Range(1000, 200).Select(i => smt.Prove(BitConverter.GetBytes(i))).ToList();
        Assert.Contains(proofs, p => p.Leaf is null);
        Assert.Contains(proofs, p => p.Leaf is not null);
    }

    [Fact]
    public void Shared_path_prefixes_put_leaves_deep_and_collapse_back_on_remove()
    {
        var hash = new DeepPathHashFunction();
        var smt = new SparseMerkleTree(hash);
        smt.Set([1], [1]);
        Assert.Empty(smt.Prove([1]).Siblings); // a lone leaf sits at the root
        smt.Set([2], [2]);
        var proof = smt.Prove([1]);
        Assert.True(proof.Siblings.Count > 224, $"depth {proof.Siblings.Count}");
        Assert.True(StateProof.Verify(hash, smt.Root, [1], [1], proof));
        Assert.True(smt.Remove([2]));
        Assert.Empty(smt.Prove([1]).Siblings);
        Assert.Equal(hash.Hash(0x00, hash.Hash([1]), hash.Hash([1])), smt.Root);
    }

    [Fact]
    public void Hostile_proofs_never_throw()
    {
        var hash = DigestHashFunction.Sha256;
        var anyHash = Gen.Byte.Array[32].Select(b => new Hash32(b));
        var anyLeaf = Gen.Select(anyHash, anyHash).Select((k, v) => new StateProofLeaf(k, v)).Null();
        Gen.Select(anyHash.Array[0, 300], anyLeaf, Gen.Byte.Array[0, 40], Gen.Byte.Array[0, 8].Null(), anyHash)
            .Sample((siblings, leaf, key, value, root) =>
            {
                Assert.False(StateProof.Verify(hash, root, key, value, new StateProof(siblings, leaf)));
            }, iter: 3_000);
        Assert.False(StateProof.Verify(hash, Hash32.Zero, "k"u8, null, null));
        Assert.False(StateProof.Verify(hash, Hash32.Zero, "k"u8, null, new StateProof(null!, null)));
        Assert.False(StateProof.Verify(hash, Hash32.Zero, "k"u8, null, new StateProof(new Hash32[257], null)));
    }
}
