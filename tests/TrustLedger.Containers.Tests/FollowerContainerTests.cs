using TrustLedger.Containers.Tests.Support;
using TrustLedger.Protocol.Crypto.KeyFiles;
using Xunit;
using Xunit.Abstractions;

namespace TrustLedger.Containers.Tests;

/// <summary>
/// Two node containers on one Docker network, today's way of running more than one node: a follower reaches the dev
/// validator by its container name, imports its blocks, and catches up after being cut off the network. Exercises the
/// same network, alias, file-mapping and disconnect machinery the validator-network tests rely on.
/// </summary>
[Collection(ContainersCollection.Name)]
public sealed class FollowerContainerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromMinutes(1);

    [DockerFact]
    public async Task A_follower_follows_the_validator_by_name_and_catches_up_after_a_network_disconnect()
    {
        await using var network = await TestNetwork.CreateAsync();
        await using var validator = NodeContainer.DevValidator("validator", network.Network);
        await validator.StartAsync();
        var clientKey = await validator.ReadFileAsync(NodeContainer.DevClientKey);
        await using var follower = NodeContainer.Follower("follower", network.Network, validator.NetworkEndpoint,
            await validator.ReadFileAsync(NodeContainer.DevGenesis), clientKey);
        await follower.StartAsync();
        try
        {
            using var client = await validator.ConnectAsync(KeyFile.Decrypt(System.Text.Encoding.UTF8.GetString(clientKey), NodeContainer.Password));
            var first = await client.SubmitAsync("anchor.put", "seen by the follower"u8.ToArray());
            Assert.Equal(first.BlockHash, await follower.WaitForBlockAsync(first.Height, CatchUp));

            await follower.DisconnectAsync();
            Sdk.TxReceipt last = first;
            for (var i = 0; i < 3; i++) last = await client.SubmitAsync("anchor.put", System.Text.Encoding.UTF8.GetBytes($"while the follower is cut off #{i}"));
            await follower.ReconnectAsync();

            Assert.Equal(last.BlockHash, await follower.WaitForBlockAsync(last.Height, CatchUp));
            using var viaFollower = await follower.ConnectAsync(client.Signer);
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
