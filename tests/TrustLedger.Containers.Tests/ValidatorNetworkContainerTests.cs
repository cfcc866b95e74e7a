using TrustLedger.Containers.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace TrustLedger.Containers.Tests;

/// <summary>
/// Four validators of a generated four-organisation network, one container each on one Docker network, peers by their
/// container names over mutual TLS (<c>--peers https://node2:5080,…</c>, certificates from tlnet's generator). With a
/// quorum of three, any one validator can be frozen or cut off: the other three keep committing, and it catches up
/// (new TLS connections) once it is back.
/// </summary>
[Collection(ContainersCollection.Name)]
public sealed class ValidatorNetworkContainerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromMinutes(1);

    [DockerFact]
    public async Task Four_validators_on_one_docker_network_commit_the_same_blocks()
    {
        using var files = GeneratedNetwork.Create(4);
        await using var network = await ValidatorNetwork.StartAsync(files, output);
        using var client = await network.ClientAsync(1);

        var receipt = await client.SubmitAsync("anchor.put", "four organisations"u8.ToArray());

        Assert.True(receipt.Success, receipt.ToString());
        foreach (var node in network.Nodes)
            Assert.Equal(receipt.BlockHash, await node.WaitForBlockAsync(receipt.Height, CatchUp));
    }

    [DockerFact]
    public async Task A_paused_validator_does_not_stop_the_others_and_catches_up_when_unpaused()
    {
        using var files = GeneratedNetwork.Create(4);
        await using var network = await ValidatorNetwork.StartAsync(files, output);
        using var client = await network.ClientAsync(1);
        await client.SubmitAsync("anchor.put", "before the pause"u8.ToArray());

        await network[4].PauseAsync();
        var whilePaused = await SubmitSeveralAsync(client, "while node4 is paused");
        foreach (var index in new[] { 2, 3 })
            Assert.Equal(whilePaused.BlockHash, await network[index].WaitForBlockAsync(whilePaused.Height, CatchUp));

        await network[4].UnpauseAsync();
        Assert.Equal(whilePaused.BlockHash, await network[4].WaitForBlockAsync(whilePaused.Height, CatchUp));
        var after = await client.SubmitAsync("anchor.put", "node4 is back"u8.ToArray());
        Assert.Equal(after.BlockHash, await network[4].WaitForBlockAsync(after.Height, CatchUp));
    }

    [DockerFact]
    public async Task A_disconnected_validator_does_not_stop_the_others_and_catches_up_when_reconnected()
    {
        using var files = GeneratedNetwork.Create(4);
        await using var network = await ValidatorNetwork.StartAsync(files, output);
        using var client = await network.ClientAsync(1);
        await client.SubmitAsync("anchor.put", "before the partition"u8.ToArray());

        await network[4].DisconnectAsync();
        var whileCutOff = await SubmitSeveralAsync(client, "while node4 is cut off");
        foreach (var index in new[] { 2, 3 })
            Assert.Equal(whileCutOff.BlockHash, await network[index].WaitForBlockAsync(whileCutOff.Height, CatchUp));

        await network[4].ReconnectAsync();
        Assert.Equal(whileCutOff.BlockHash, await network[4].WaitForBlockAsync(whileCutOff.Height, CatchUp));
    }

    /// <summary>Several blocks' worth, one commit at a time; returns the last receipt.</summary>
    private static async Task<Sdk.TxReceipt> SubmitSeveralAsync(Sdk.TrustLedgerClient client, string what)
    {
        Sdk.TxReceipt last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await client.SubmitAsync("anchor.put", System.Text.Encoding.UTF8.GetBytes($"{what} #{i}"));
            Assert.True(last.Success, last.ToString());
        }
        return last;
    }
}
