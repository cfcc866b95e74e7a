using TrustLedger.Containers.Tests.Support;
using TrustLedger.Protocol.Crypto.KeyFiles;
using Xunit;
using Xunit.Abstractions;

namespace TrustLedger.Containers.Tests;

/// <summary>
/// Two node containers on one Docker network, over mutual TLS: the validator of a one-organisation network generated
/// by tlnet's generator, and a follower of the same organisation (its member key, a node certificate from its CA) that
/// reaches the validator by container name (<c>--follow https://node1:5080</c>), imports its blocks, catches up after
/// being cut off the network (a new TLS connection once it is back), and relays submissions. The host's client presents
/// the organisation's client certificate.
/// </summary>
[Collection(ContainersCollection.Name)]
public sealed class FollowerContainerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromMinutes(1);

    [DockerFact]
    public async Task A_follower_follows_the_validator_by_name_over_mutual_tls_and_catches_up_after_a_network_disconnect()
    {
        using var files = GeneratedNetwork.Create(1);
        await using var network = await TestNetwork.CreateAsync();
        await using var validator = NodeContainer.Validator(files, 1, network.Network, peers: []);
        await validator.StartAsync();
        await using var follower = NodeContainer.Follower(files, 1, "follower", network.Network, validator.NetworkEndpoint);
        await follower.StartAsync();
        try
        {
            using var client = await validator.ConnectAsync(KeyFile.Load(files.ClientKeyPath(1), NodeContainer.Password));
            Assert.StartsWith("https://", validator.Endpoint);
            var first = await client.SubmitAsync("anchor.put", "seen by the follower"u8.ToArray());
            Assert.Equal(first.BlockHash, await follower.WaitForBlockAsync(first.Height, CatchUp));

            await follower.DisconnectAsync();
            Sdk.TxReceipt last = first;
            for (var i = 0; i < 3; i++) last = await client.SubmitAsync("anchor.put", System.Text.Encoding.UTF8.GetBytes($"while the follower is cut off #{i}"));
            await follower.ReconnectAsync();

            Assert.Equal(last.BlockHash, await follower.WaitForBlockAsync(last.Height, CatchUp));
            using var viaFollower = await follower.ConnectAsync(client.Signer);
            Assert.Equal("follower", (await viaFollower.GetStatusAsync()).Role);
            var relayed = await viaFollower.SubmitAsync("anchor.put", "relayed by the follower"u8.ToArray());
            Assert.Equal(last.Height + 1, relayed.Height);
        }
        finally
        {
            output.WriteLine("--- validator\n" + await validator.LogsAsync());
            output.WriteLine("--- follower\n" + await follower.LogsAsync());
        }
    }
}
