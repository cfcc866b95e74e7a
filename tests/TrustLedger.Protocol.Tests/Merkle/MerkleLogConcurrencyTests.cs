using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Merkle;
using Xunit;

namespace TrustLedger.Protocol.Tests.Merkle;

public sealed class MerkleLogConcurrencyTests
{
    [Fact]
    public async Task Readers_prove_and_verify_while_one_writer_appends()
    {
        var hash = DigestHashFunction.Sha256;
        var leaves = MerkleLogPropertyTests.RandomLeafHashes(hash, 40_000, seed: 5);
        var log = new MerkleLog(hash);
        using var done = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(() =>
        {
            var rng = new Random(r);
            long checks = 0;
            long previousSize = 0;
            var previousRoot = log.RootAt(0);
            // Keep reading until the writer has finished, then once more over the final tree.
            while (true)
            {
                bool last = done.IsCancellationRequested;
                long size = log.Size;
                Assert.True(size >= previousSize);
                var root = log.RootAt(size);
                Assert.True(MerkleProofs.VerifyConsistency(hash, log.ProveConsistency(previousSize, size), previousRoot, root));
                if (size > 0)
                {
                    long i = rng.NextInt64(size);
                    Assert.Equal(leaves[i], log.LeafHash(i));
                    Assert.True(MerkleProofs.VerifyInclusion(hash, leaves[i], log.ProveInclusion(i, size), root));
                }
                (previousSize, previousRoot) = (size, root);
                checks++;
                if (last)
                    return checks;
            }
        })).ToArray();

        var writer = Task.Run(() =>
        {
            for (int i = 0; i < leaves.Length; i += 7)
                log.AppendLeafHashes(leaves.AsSpan(i, Math.Min(7, leaves.Length - i)));
            done.Cancel();
        });

        await writer;
        var counts = await Task.WhenAll(readers);
        Assert.All(counts, c => Assert.True(c > 0));
        Assert.Equal(ReferenceMerkleTree.Mth(hash, leaves), log.Root);
    }
}
