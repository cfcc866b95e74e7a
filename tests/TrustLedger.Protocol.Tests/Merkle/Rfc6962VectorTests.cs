using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Merkle;
using TrustLedger.Protocol.Primitives;
using Xunit;

namespace TrustLedger.Protocol.Tests.Merkle;

/// <summary>
/// The Certificate Transparency 8-leaf test vectors (SHA-256), as published in transparency-dev/merkle
/// proof/verify_test.go and the original CT C++ merkle_tree_test.cc.
/// </summary>
public sealed class Rfc6962VectorTests
{
    private static readonly IHashFunction Sha256 = DigestHashFunction.Sha256;

    private static readonly string[] LeafData =
    [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ];

    private const string EmptyRoot = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static readonly string[] Roots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    // (0-based leaf index, tree size, audit path).
    public static TheoryData<long, long, string[]> InclusionVectors => new()
    {
        { 0, 1, [] },
        { 0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                 "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                 "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                 "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                 "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        { 1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                 "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                 "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
    };

    // (old size, new size, consistency path).
    public static TheoryData<long, long, string[]> ConsistencyVectors => new()
    {
        { 1, 1, [] },
        { 1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                 "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                 "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                 "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                 "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                 "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
        { 6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                 "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                 "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
    };

    private static MerkleLog Log()
    {
        var log = new MerkleLog(Sha256);
        foreach (var hex in LeafData)
            log.AppendLeaf(Convert.FromHexString(hex));
        return log;
    }

    private static Hash32 LeafHash(long index) => MerkleProofs.LeafHash(Sha256, Convert.FromHexString(LeafData[index]));

    private static Hash32[] Hashes(string[] hex) => [.. hex.Select(Hash32.Parse)];

    [Fact]
    public void Empty_log_root_is_sha256_of_nothing()
    {
        var log = new MerkleLog(Sha256);
        Assert.Equal(Hash32.Parse(EmptyRoot), log.Root);
        Assert.Equal(Hash32.Parse(EmptyRoot), log.RootAt(0));
        Assert.Equal(0, log.Size);
    }

    [Fact]
    public void Roots_for_sizes_1_to_8_match_published_values()
    {
        var log = new MerkleLog(Sha256);
        for (int size = 1; size <= 8; size++)
        {
            log.AppendLeaf(Convert.FromHexString(LeafData[size - 1]));
            Assert.Equal(Hash32.Parse(Roots[size - 1]), log.Root);
        }
        var full = Log();
        for (int size = 1; size <= 8; size++)
            Assert.Equal(Hash32.Parse(Roots[size - 1]), full.RootAt(size));
    }

    [Theory]
    [MemberData(nameof(InclusionVectors))]
    public void Inclusion_proofs_match_published_paths_and_verify(long index, long size, string[] path)
    {
        var proof = Log().ProveInclusion(index, size);
        Assert.Equal(Hashes(path), proof.Path);
        Assert.True(MerkleProofs.VerifyInclusion(Sha256, LeafHash(index), proof, Hash32.Parse(Roots[size - 1])));
    }

    [Theory]
    [MemberData(nameof(InclusionVectors))]
    public void Corrupted_published_inclusion_proofs_fail(long index, long size, string[] path)
    {
        var root = Hash32.Parse(Roots[size - 1]);
        var leaf = LeafHash(index);
        var hashes = Hashes(path);
        var someHash = Hash32.Parse("abacaba000000000000000000000000000000000000000000060061e00123456");
        var probes = new List<(long Index, long Size, Hash32 Leaf, Hash32 Root, Hash32[] Path)>
        {
            (index - 1, size, leaf, root, hashes),
            (index + 1, size, leaf, root, hashes),
            (index ^ 2, size, leaf, root, hashes),
            (index, size * 2, leaf, root, hashes),
            (index, size / 2, leaf, root, hashes),
            (index, size, Sha256.Hash("WrongLeaf"u8), root, hashes),
            (index, size, leaf, Hash32.Parse(EmptyRoot), hashes),
            (index, size, leaf, someHash, hashes),
            (index, size, leaf, root, [.. hashes, Hash32.Zero]),
            (index, size, leaf, root, [.. hashes, root]),
            (index, size, leaf, root, [Hash32.Zero, .. hashes]),
            (index, size, leaf, root, [root, .. hashes]),
        };
        for (int i = 0; i < hashes.Length; i++)
            probes.Add((index, size, leaf, root, FlipBit(hashes, i, 3)));
        if (hashes.Length > 0)
            probes.Add((index, size, leaf, root, hashes[..^1]));
        if (hashes.Length > 1)
            probes.Add((index, size, leaf, root, [hashes[0], someHash, .. hashes[1..]]));

        foreach (var p in probes)
            Assert.False(MerkleProofs.VerifyInclusion(Sha256, p.Leaf, new InclusionProof(p.Index, p.Size, p.Path), p.Root));
    }

    [Theory]
    [MemberData(nameof(ConsistencyVectors))]
    public void Consistency_proofs_match_published_paths_and_verify(long oldSize, long newSize, string[] path)
    {
        var proof = Log().ProveConsistency(oldSize, newSize);
        Assert.Equal(Hashes(path), proof.Path);
        Assert.True(MerkleProofs.VerifyConsistency(Sha256, proof, Hash32.Parse(Roots[oldSize - 1]), Hash32.Parse(Roots[newSize - 1])));
    }

    [Theory]
    [MemberData(nameof(ConsistencyVectors))]
    public void Corrupted_published_consistency_proofs_fail(long m, long n, string[] path)
    {
        var hashes = Hashes(path);
        if (hashes.Length == 0)
            return; // m == n: nothing to corrupt but the roots, covered by the hostile-input tests
        var r1 = Hash32.Parse(Roots[m - 1]);
        var r2 = Hash32.Parse(Roots[n - 1]);
        var wrong = Sha256.Hash("WrongRoot"u8);
        var probes = new List<(long M, long N, Hash32 R1, Hash32 R2, Hash32[] Path)>
        {
            (m - 1, n, r1, r2, hashes),
            (m + 1, n, r1, r2, hashes),
            (m ^ 2, n, r1, r2, hashes),
            (m, n * 2, r1, r2, hashes),
            (m, n / 2, r1, r2, hashes),
            (m, n, wrong, r2, hashes),
            (m, n, r1, wrong, hashes),
            (m, n, r2, r1, hashes),
            (m, n, r1, r2, []),
            (m, n, r1, r2, [.. hashes, Hash32.Zero]),
            (m, n, r1, r2, [.. hashes, r1]),
            (m, n, r1, r2, [.. hashes, r2]),
            (m, n, r1, r2, [Hash32.Zero, .. hashes]),
            (m, n, r1, r2, [r1, .. hashes]),
            (m, n, r1, r2, [r2, .. hashes]),
            (m, n, r1, r2, [hashes[0], .. hashes]),
            (m, n, r1, r2, hashes[..^1]),
        };
        for (int i = 0; i < hashes.Length; i++)
            probes.Add((m, n, r1, r2, FlipBit(hashes, i, 4)));

        foreach (var p in probes)
            Assert.False(MerkleProofs.VerifyConsistency(Sha256, new ConsistencyProof(p.M, p.N, p.Path), p.R1, p.R2));
    }

    internal static Hash32[] FlipBit(Hash32[] path, int element, int bit)
    {
        var copy = path.ToArray();
        var bytes = copy[element].ToArray();
        bytes[0] ^= (byte)(1 << bit);
        copy[element] = new Hash32(bytes);
        return copy;
    }
}
