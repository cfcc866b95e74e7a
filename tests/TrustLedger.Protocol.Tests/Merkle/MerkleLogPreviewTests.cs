using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Merkle;
using TrustLedger.Protocol.Primitives;
using Xunit;

namespace TrustLedger.Protocol.Tests.Merkle;

/// <summary>A previewed root equals the root after really appending, and previewing changes nothing.</summary>
public sealed class MerkleLogPreviewTests
{
    private static Hash32 Leaf(int i) => MerkleProofs.LeafHash(DigestHashFunction.Sha256, BitConverter.GetBytes(i));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 5)]
    [InlineData(1, 1)]
    [InlineData(3, 4)]
    [InlineData(7, 1)]
    [InlineData(8, 8)]
    [InlineData(13, 19)]
    [InlineData(64, 3)]
    [InlineData(100, 0)]
    public void Preview_equals_the_root_after_appending(int committed, int added)
    {
        var log = new MerkleLog(DigestHashFunction.Sha256);
        for (var i = 0; i < committed; i++) log.AppendLeafHash(Leaf(i));
        var extra = Enumerable.Range(committed, added).Select(Leaf).ToArray();

        var preview = log.RootWithAppended(extra);
        Assert.Equal(committed, log.Size);

        log.AppendLeafHashes(extra);
        Assert.Equal(log.Root, preview);
    }

    [Fact]
    public void Preview_for_every_split_of_a_hundred_leaves_matches()
    {
        var all = Enumerable.Range(0, 100).Select(Leaf).ToArray();
        var full = new MerkleLog(DigestHashFunction.Sha256);
        full.AppendLeafHashes(all);
        for (var split = 0; split <= 100; split++)
        {
            var log = new MerkleLog(DigestHashFunction.Sha256);
            log.AppendLeafHashes(all.AsSpan(0, split));
            Assert.Equal(full.Root, log.RootWithAppended(all.AsSpan(split)));
        }
    }
}
