using TrustLedger.EndToEnd.Tests.Support;
using TrustLedger.Protocol.Crypto.KeyFiles;
using TrustLedger.Sdk;
using Xunit;
using Xunit.Abstractions;

namespace TrustLedger.EndToEnd.Tests;

/// <summary>
/// A second node process that follows the validator: it imports every block after checking its certificate and
/// re-executing it, relays submitted transactions, and rebuilds itself from the peer after its data is wiped.
/// </summary>
public sealed class FollowerTests(ITestOutputHelper output)
{
    private static async Task WaitForHeight(TrustLedgerClient client, ulong height)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        if ((await client.GetStatusAsync(deadline.Token)).Height >= height) return;
        await foreach (var header in client.WatchBlocksAsync(1, deadline.Token))
            if (header.Height >= height) return;
    }

    [Fact]
    public async Task Follower_imports_blocks_relays_submissions_and_resyncs_after_a_wipe()
    {
        await using var validator = await NodeProcess.StartNew(output);
        var key = KeyFile.Load(validator.ClientKeyPath, NodeProcess.Password);
        using var direct = await TrustLedgerClient.ConnectAsync(validator.Endpoint, key);
        for (var i = 0; i < 5; i++) await direct.SubmitAsync("anchor.put", BitConverter.GetBytes(i));

        await using var follower = await NodeProcess.StartFollower(validator, output);
        using (var viaFollower = await TrustLedgerClient.ConnectAsync(follower.Endpoint, key))
        {
            var status = await viaFollower.GetStatusAsync();
            Assert.Equal("follower", status.Role);
            Assert.Equal(validator.Endpoint, status.Upstream);
            var relayed = await viaFollower.SubmitAsync("anchor.put", "through the follower"u8.ToArray());
            // Read-your-write on the follower: the block is already imported there.
            var onFollower = await viaFollower.GetTransactionAsync(relayed.TxId);
            Assert.Equal(relayed.Height, onFollower.Receipt.Height);
            var fromValidator = await direct.GetBlockAsync(relayed.Height);
            var fromFollower = await viaFollower.GetBlockAsync(relayed.Height);
            Assert.Equal(fromValidator.Header, fromFollower.Header);
        }

        // Wipe the follower's blocks; on restart it rebuilds the same chain from the peer.
        await follower.Kill();
        Directory.Delete(Path.Combine(follower.DataDir, "blocks"), recursive: true);
        for (var i = 0; i < 3; i++) await direct.SubmitAsync("anchor.put", "while the follower was down"u8.ToArray());
        var head = (await direct.GetStatusAsync()).Height;
        await follower.Start();
        using var resynced = await TrustLedgerClient.ConnectAsync(follower.Endpoint, key);
        await WaitForHeight(resynced, head);
        Assert.Equal((await direct.GetBlockAsync(head)).Header, (await resynced.GetBlockAsync(head)).Header);
        Assert.Equal((await direct.GetStatusAsync()).StateRoot, (await resynced.GetStatusAsync()).StateRoot);
    }
}
