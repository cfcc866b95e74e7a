using TrustLedger.Network.Lifecycle;
using TrustLedger.Network.Tests.Support;
using Xunit.Abstractions;

namespace TrustLedger.Network.Tests;

/// <summary>
/// up, status, stop, kill, start, wipe and down on a one-validator network, which runs today (the node validates alone,
/// as in dev mode). Each test has a network of its own.
/// </summary>
public sealed class SingleNodeLifecycleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Up_generates_and_starts_the_network_and_status_follows_the_chain()
    {
        await using var harness = new NetworkHarness(output);
        var up = await harness.UpAsync();

        Assert.True(up.Created);
        Assert.Equal([1], up.Started);
        var before = Assert.Single(await up.Network.StatusAsync());
        Assert.Equal(("running", 0UL, "validator"), (before.State, before.Height, before.Role));
        Assert.Equal(up.Network.ValidatorAddress(1).ToString(), before.Validator);
        Assert.True(File.Exists(up.Network.Files(1).PidPath));

        using var client = await harness.ClientAsync(1);
        var receipt = await client.SubmitAsync("anchor.put", "minutes"u8.ToArray());

        var after = Assert.Single(await up.Network.StatusAsync());
        Assert.Equal(1UL, after.Height);
        Assert.Equal(receipt.BlockTime, after.LastBlockTime);
        Assert.Equal("org1", client.Node.Organisation);
    }

    [Fact]
    public async Task Up_again_keeps_the_keys_the_genesis_and_the_running_node()
    {
        await using var harness = new NetworkHarness(output);
        var first = await harness.UpAsync();
        var files = first.Network.Files(1);
        var keys = (File.ReadAllText(files.ValidatorKeyPath), File.ReadAllText(files.ClientKeyPath), File.ReadAllText(harness.Layout.GenesisPath));
        var pid = first.Network.RunningPid(1);

        var second = await harness.UpAsync();

        Assert.False(second.Created);
        Assert.Empty(second.Started);
        Assert.Equal([1], second.AlreadyRunning);
        Assert.Equal(pid, second.Network.RunningPid(1));
        Assert.Equal(keys, (File.ReadAllText(files.ValidatorKeyPath), File.ReadAllText(files.ClientKeyPath), File.ReadAllText(harness.Layout.GenesisPath)));
    }

    [Fact]
    public async Task Up_restarts_a_node_that_is_not_running_and_the_chain_goes_on()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync()).Network;
        using (var client = await harness.ClientAsync(1)) await client.SubmitAsync("anchor.put", "one"u8.ToArray());
        await network.KillAsync(1);

        var again = await harness.UpAsync();

        Assert.Equal([1], again.Started);
        using var after = await harness.ClientAsync(1);
        Assert.Equal(1UL, after.Node.Height);
        Assert.Equal(2UL, (await after.SubmitAsync("anchor.put", "two"u8.ToArray())).Height);
    }

    [Fact]
    public async Task Stop_ends_the_node_with_SIGTERM_and_start_resumes_its_chain()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync()).Network;
        using (var client = await harness.ClientAsync(1)) await client.SubmitAsync("anchor.put", "before stop"u8.ToArray());
        var pid = network.RunningPid(1)!.Value;

        Assert.True(await network.StopAsync(1));

        Assert.Null(network.RunningPid(1));
        Assert.False(File.Exists(network.Files(1).PidPath));
        Assert.False(ProcessIsAlive(pid));
        Assert.Equal("stopped", Assert.Single(await network.StatusAsync()).State);
        Assert.Contains(NodeLog.Tail(network.Files(1).LogPath, 30), l => l.Contains("Application is shutting down")); // a clean shutdown, not a kill
        Assert.False(await network.StopAsync(1)); // nothing left to stop

        await harness.StartAsync(1);
        Assert.Equal(1UL, Assert.Single(await network.StatusAsync()).Height);
    }

    [Fact]
    public async Task Kill_is_a_crash_the_node_recovers_from_with_every_acknowledged_transaction()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync()).Network;
        IReadOnlyList<Sdk.TxReceipt> receipts;
        using (var client = await harness.ClientAsync(1))
            receipts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.SubmitAsync("anchor.put", BitConverter.GetBytes(i))));

        Assert.True(await network.KillAsync(1));
        Assert.Equal("stopped", Assert.Single(await network.StatusAsync()).State);
        Assert.DoesNotContain(NodeLog.Tail(network.Files(1).LogPath, 30), l => l.Contains("Application is shutting down"));

        await harness.StartAsync(1);
        using var after = await harness.ClientAsync(1);
        foreach (var receipt in receipts)
            Assert.Equal(receipt.Height, (await after.GetTransactionAsync(receipt.TxId)).Receipt.Height);
    }

    [Fact]
    public async Task Wipe_refuses_a_running_node_and_deletes_only_the_data_of_a_stopped_one()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync()).Network;
        using (var client = await harness.ClientAsync(1)) await client.SubmitAsync("anchor.put", "to be wiped"u8.ToArray());
        var files = network.Files(1);
        var key = File.ReadAllText(files.ValidatorKeyPath);

        var running = Assert.Throws<NetworkException>(() => network.Wipe(1));
        Assert.Contains("stop it first", running.Message);
        Assert.True(Directory.Exists(files.DataDir));

        await network.StopAsync(1);
        Assert.True(network.Wipe(1));
        Assert.False(Directory.Exists(files.DataDir));
        Assert.Equal(key, File.ReadAllText(files.ValidatorKeyPath));
        Assert.True(File.Exists(files.ClientKeyPath) && File.Exists(files.LogPath));
        Assert.False(network.Wipe(1));

        await harness.StartAsync(1);
        var state = Assert.Single(await network.StatusAsync());
        Assert.Equal(0UL, state.Height); // a single validator has nobody to resync from: it starts the chain again
        Assert.Equal(network.ValidatorAddress(1).ToString(), state.Validator);
    }

    [Fact]
    public async Task Down_stops_every_node_and_deletes_the_folder()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync()).Network;
        var pid = network.RunningPid(1)!.Value;

        Assert.Equal([1], await network.DownAsync(keep: false));

        Assert.False(ProcessIsAlive(pid));
        Assert.False(Directory.Exists(harness.Dir));
    }

    [Fact]
    public async Task Down_keep_stops_the_nodes_and_keeps_the_network_to_bring_up_again()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync()).Network;
        using (var client = await harness.ClientAsync(1)) await client.SubmitAsync("anchor.put", "kept"u8.ToArray());

        Assert.Equal([1], await network.DownAsync(keep: true));
        Assert.Equal("stopped", Assert.Single(await network.StatusAsync()).State);
        Assert.Empty(await network.DownAsync(keep: true));

        var again = await harness.UpAsync();
        Assert.False(again.Created);
        Assert.Equal(1UL, Assert.Single(await again.Network.StatusAsync()).Height);
    }

    [Fact]
    public async Task The_log_holds_every_run_each_marked_by_tlnet()
    {
        await using var harness = new NetworkHarness(output);
        var network = (await harness.UpAsync()).Network;
        await network.StopAsync(1);
        await harness.StartAsync(1);

        var log = NodeLog.Tail(network.Files(1).LogPath, 10_000);
        Assert.Equal(2, log.Count(l => l.StartsWith("--- tlnet ", StringComparison.Ordinal)));
        Assert.Equal(2, log.Count(l => l.Contains($"TrustLedger node listening on https://127.0.0.1:{harness.BasePort + 1}")));
    }

    private static bool ProcessIsAlive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && File.ReadAllText($"/proc/{pid}/stat") is var stat && stat[(stat.LastIndexOf(')') + 2)] is not ('Z' or 'X');
}
