using Grpc.Core;
using TrustLedger.Network.Tests.Support;
using TrustLedger.Sdk;
using Xunit.Abstractions;

namespace TrustLedger.Network.Tests;

/// <summary>
/// Four organisations, four validators, through tlnet: what the one-command network is for. Real node processes on
/// loopback, BFT consensus between them over the authenticated peer service.
/// </summary>
public sealed class MultiValidatorTests(ITestOutputHelper output)
{
    private const int Nodes = 4;
    private static readonly TimeSpan Progress = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Four_validators_come_up_and_each_reports_the_whole_validator_set()
    {
        await using var harness = new NetworkHarness(output);
        var up = await harness.UpAsync(Nodes);

        Assert.Equal([1, 2, 3, 4], up.Started);
        foreach (var state in await up.Network.StatusAsync()) Assert.Equal(("running", "validator"), (state.State, state.Role));
        var clients = await ClientsAsync(harness);
        Assert.All(clients, c => Assert.Equal(Nodes, c.Node.Validators.Count));
        Assert.Single(clients.Select(c => c.Node.GenesisHash).Distinct());
    }

    [Fact]
    public async Task Transactions_submitted_through_different_nodes_all_commit_and_every_node_has_identical_headers()
    {
        await using var harness = new NetworkHarness(output);
        await harness.UpAsync(Nodes);
        var clients = await ClientsAsync(harness);

        var receipts = await Task.WhenAll(clients.SelectMany((c, i) => Enumerable.Range(0, 5).Select(j => c.SubmitAsync("anchor.put", [(byte)i, (byte)j]))));

        var top = receipts.Max(r => r.Height);
        await ChainAssert.ReachesAsync(clients, top, Progress);
        await ChainAssert.IdenticalHeadersAsync(clients, top);
        foreach (var client in clients)
            foreach (var receipt in receipts)
                Assert.Equal(receipt.Height, (await client.GetTransactionAsync(receipt.TxId)).Receipt.Height);
    }

    [Fact]
    public async Task Killing_one_validator_under_load_loses_no_acknowledged_transaction()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync(Nodes)).Network;
        var clients = await ClientsAsync(harness);

        using var stop = new CancellationTokenSource();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<TxReceipt>();
        var load = Task.WhenAll(clients.Take(3).Select(async client =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
                acknowledged.Add(await client.SubmitAsync("anchor.put", BitConverter.GetBytes(i)));
        }));
        await ChainAssert.ReachesAsync(clients.Take(1), 5, Progress);
        await network.KillAsync(4); // f = 1: three of four still commit
        var heightAtKill = (await clients[0].GetStatusAsync()).Height;
        await ChainAssert.ReachesAsync(clients.Take(3), heightAtKill + 5, Progress);
        await stop.CancelAsync();
        await load;

        await harness.StartAsync(4);
        using var restarted = await harness.ClientAsync(4);
        var top = acknowledged.Max(r => r.Height);
        await ChainAssert.ReachesAsync([restarted], top, Progress);
        await ChainAssert.IdenticalHeadersAsync([.. clients.Take(3), restarted], top);
        foreach (var receipt in acknowledged)
            Assert.Equal(receipt.Height, (await restarted.GetTransactionAsync(receipt.TxId)).Receipt.Height);
    }

    [Fact]
    public async Task Stopping_two_of_four_stalls_the_chain_and_restarting_them_resumes_it()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync(Nodes)).Network;
        var clients = await ClientsAsync(harness);
        await clients[0].SubmitAsync("anchor.put", "before"u8.ToArray());

        await network.StopAsync(3);
        await network.StopAsync(4);
        var stalledAt = (await clients[0].GetStatusAsync()).Height;
        var pending = clients[0].Sign("anchor.put", "during the stall"u8.ToArray());
        var stalled = await Assert.ThrowsAsync<RpcException>(() => clients[0].SubmitAsync(pending, TimeSpan.FromSeconds(5)));
        Assert.Equal(StatusCode.DeadlineExceeded, stalled.StatusCode); // two of four cannot reach the 2f+1 = 3 quorum
        Assert.Equal(stalledAt, (await clients[0].GetStatusAsync()).Height);

        await harness.StartAsync(3);
        await harness.StartAsync(4);
        var receipt = await clients[0].WaitForReceiptAsync(pending.Id, Progress);
        Assert.True(receipt.Height > stalledAt);
        using var third = await harness.ClientAsync(3);
        using var fourth = await harness.ClientAsync(4);
        await ChainAssert.ReachesAsync([third, fourth], receipt.Height, Progress);
        await ChainAssert.IdenticalHeadersAsync([.. clients.Take(2), third, fourth], receipt.Height);
    }

    [Fact]
    public async Task A_wiped_validator_resyncs_the_chain_from_its_peers()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync(Nodes)).Network;
        var clients = await ClientsAsync(harness);
        foreach (var client in clients) await client.SubmitAsync("anchor.put", "before the wipe"u8.ToArray());

        await network.StopAsync(4);
        Assert.True(network.Wipe(4));
        await clients[0].SubmitAsync("anchor.put", "while it is gone"u8.ToArray());
        await harness.StartAsync(4);

        using var wiped = await harness.ClientAsync(4);
        var top = (await clients[0].GetStatusAsync()).Height;
        await ChainAssert.ReachesAsync([wiped], top, Progress);
        await ChainAssert.IdenticalHeadersAsync([clients[0], wiped], top);
        Assert.True((await wiped.SubmitAsync("anchor.put", "after the resync"u8.ToArray())).Height > top);
    }

    private static async Task<IReadOnlyList<TrustLedgerClient>> ClientsAsync(NetworkHarness harness) =>
        await Task.WhenAll(Enumerable.Range(1, Nodes).Select(harness.ClientAsync));
}
