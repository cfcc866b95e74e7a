using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Merkle;
using TrustLedger.Protocol.Primitives;
using Xunit;

namespace TrustLedger.Protocol.Tests.Merkle;

public sealed class SparseMerkleTreeTests
{
    private static readonly IHashFunction Sha256 = DigestHashFunction.Sha256;

    private static byte[] Bytes(string s) => System.Text.Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Empty_tree_has_zero_root_and_no_entries()
    {
        var smt = new SparseMerkleTree(Sha256);
        Assert.Equal(Hash32.Zero, smt.Root);
        Assert.Equal(0, smt.Count);
        Assert.Null(smt.Get("k"u8));
        Assert.False(smt.Remove(Bytes("k")));
        Assert.Empty(smt.Entries());
        Assert.True(StateProof.Verify(Sha256, Hash32.Zero, "k"u8, null, smt.Prove("k"u8)));
    }

    [Fact]
    public void Single_entry_root_is_its_leaf_hash()
    {
        var smt = new SparseMerkleTree(Sha256);
        smt.Set(Bytes("alice"), Bytes("100"));
        var expected = Sha256.Hash(0x00, Sha256.Hash("alice"u8), Sha256.Hash("100"u8));
        Assert.Equal(expected, smt.Root);
        Assert.Equal(Bytes("100"), smt.Get("alice"u8));
        Assert.Equal(1, smt.Count);
    }

    [Fact]
    public void Set_overwrites_and_copies_its_arguments()
    {
        var smt = new SparseMerkleTree(Sha256);
        var key = Bytes("k");
        var value = Bytes("v1");
        smt.Set(key, value);
        value[0] = (byte)'X';
        key[0] = (byte)'Y';
        Assert.Equal(Bytes("v1"), smt.Get("k"u8));
        smt.Set(Bytes("k"), Bytes("v2"));
        Assert.Equal(1, smt.Count);
        var got = smt.Get("k"u8)!;
        got[0] = 0;
        Assert.Equal(Bytes("v2"), smt.Get("k"u8));
    }

    [Fact]
    public void Empty_value_is_present_not_absent()
    {
        var smt = new SparseMerkleTree(Sha256);
        smt.Set(Bytes("k"), []);
        var got = smt.Get("k"u8);
        Assert.NotNull(got);
        Assert.Empty(got);
        Assert.True(StateProof.Verify(Sha256, smt.Root, "k"u8, [], smt.Prove("k"u8)));
        Assert.False(StateProof.Verify(Sha256, smt.Root, "k"u8, null, smt.Prove("k"u8)));
    }

    [Fact]
    public void Remove_restores_the_previous_root_and_shape()
    {
        var smt = new SparseMerkleTree(Sha256);
        for (int i = 0; i < 500; i++)
            smt.Set(Bytes($"key{i}"), Bytes($"value{i}"));
        var before = smt.Root;
        for (int i = 500; i < 700; i++)
            smt.Set(Bytes($"key{i}"), Bytes($"value{i}"));
        smt.Set(Bytes("key3"), Bytes("changed"));
        Assert.NotEqual(before, smt.Root);
        for (int i = 500; i < 700; i++)
            Assert.True(smt.Remove(Bytes($"key{i}")));
        smt.Set(Bytes("key3"), Bytes("value3"));
        Assert.False(smt.Remove(Bytes("key600")));
        Assert.Equal(before, smt.Root);
        Assert.Equal(500, smt.Count);

        for (int i = 0; i < 500; i++)
            Assert.True(smt.Remove(Bytes($"key{i}")));
        Assert.Equal(Hash32.Zero, smt.Root);
        Assert.Equal(0, smt.Count);
    }

    [Fact]
    public void Entries_come_in_key_hash_order()
    {
        var smt = new SparseMerkleTree(Sha256);
        for (int i = 0; i < 300; i++)
            smt.Set(Bytes($"key{i}"), Bytes($"value{i}"));
        var entries = smt.Entries().ToList();
        Assert.Equal(300, entries.Count);
        var hashes = entries.Select(e => Sha256.Hash(e.Key)).ToList();
        Assert.Equal(hashes.Order(), hashes);
        Assert.All(entries, e => Assert.Equal(e.Value, smt.Get(e.Key)));
    }

    [Fact]
    public void Batched_updates_rehash_only_dirty_paths()
    {
        const int size = 100_000;
        const int updates = 3_000;
        var counting = new CountingHashFunction(Sha256);
        var smt = new SparseMerkleTree(counting);
        for (int i = 0; i < size; i++)
            smt.Set(BitConverter.GetBytes(i), BitConverter.GetBytes(i));
        long start = counting.Calls;
        _ = smt.Root;
        long fullBuild = counting.Calls - start;

        start = counting.Calls;
        _ = smt.Root;
        Assert.Equal(start, counting.Calls); // nothing dirty, nothing hashed

        var rng = new Random(1);
        start = counting.Calls;
        for (int u = 0; u < updates; u++)
        {
            int key = rng.Next(size + size / 10); // ~9% inserts, the rest overwrites
            smt.Set(BitConverter.GetBytes(key), BitConverter.GetBytes(u));
        }
        long setHashes = counting.Calls - start;
        start = counting.Calls;
        _ = smt.Root;
        long rootHashes = counting.Calls - start;

        Assert.Equal(updates, setHashes); // Set hashes only the key
        // Per update at most: value + leaf hash + one branch per level (~log2 n + a few); shared upper levels are
        // rehashed once per batch, not once per update.
        int depthBound = (int)Math.Log2(size) + 8;
        Assert.True(rootHashes < updates * (2 + depthBound), $"{rootHashes} hashes for {updates} updates");
        Assert.True(rootHashes * 4 < fullBuild, $"batched {rootHashes} vs full {fullBuild}");
    }

    [Fact]
    public void Rejects_null_arguments()
    {
        var smt = new SparseMerkleTree(Sha256);
        Assert.Throws<ArgumentNullException>(() => smt.Set(null!, []));
        Assert.Throws<ArgumentNullException>(() => smt.Set([], null!));
        Assert.Throws<ArgumentNullException>(() => smt.Remove(null!));
        Assert.Throws<ArgumentNullException>(() => new SparseMerkleTree(null!));
    }
}
