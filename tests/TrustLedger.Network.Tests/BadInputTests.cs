using System.Net;
using System.Net.Sockets;
using TrustLedger.Network.Lifecycle;
using TrustLedger.Network.Tests.Support;
using Xunit.Abstractions;

namespace TrustLedger.Network.Tests;

/// <summary>Mistakes and failures get one clear message that says what to do, and leave nothing half-done.</summary>
public sealed class BadInputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_port_in_use_is_named_with_a_base_port_hint_and_nothing_is_written()
    {
        await using var harness = new NetworkHarness(output);
        var taken = new TcpListener(IPAddress.Loopback, harness.BasePort + 2);
        taken.Start();
        try
        {
            var e = await Assert.ThrowsAsync<PortInUseException>(() => harness.UpAsync(nodes: 3));

            Assert.Equal(harness.BasePort + 2, e.Port);
            Assert.Contains($"port {harness.BasePort + 2} (node 2 gRPC) is already in use", e.Message);
            Assert.Contains("--base-port", e.Message);
            Assert.False(Directory.Exists(harness.Dir));
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task A_port_taken_while_the_network_was_stopped_is_named_when_the_node_starts()
    {
        await using var harness = new NetworkHarness(output);
        harness.Generate(2);
        var taken = new TcpListener(IPAddress.Loopback, harness.BasePort + 102);
        taken.Start();
        try
        {
            var e = Assert.Throws<PortInUseException>(() => harness.Network.Start(2, harness.Launcher));

            Assert.Contains($"port {harness.BasePort + 102} (node 2 Orleans silo) is already in use", e.Message);
            Assert.Null(harness.Network.RunningPid(2));
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task An_unknown_node_number_is_refused_by_every_command()
    {
        await using var harness = new NetworkHarness(output);
        harness.Generate(4);
        var network = harness.Network;

        foreach (var attempt in new Func<Task>[]
                 {
                     () => network.StopAsync(5), () => network.KillAsync(0), () => Task.FromResult(network.Wipe(7)),
                     () => Task.FromResult(network.Start(5, harness.Launcher)), () => Task.FromResult(network.Files(-1)),
                     () => network.WaitReadyAsync([9], TimeSpan.FromSeconds(1)),
                 })
        {
            var e = await Assert.ThrowsAsync<NetworkException>(attempt);
            Assert.Matches(@"^there is no node -?\d+ in .*: the network has nodes 1–4$", e.Message);
        }
    }

    [Fact]
    public async Task A_folder_that_holds_other_files_is_not_taken_for_a_network_nor_written_to()
    {
        await using var harness = new NetworkHarness(output);
        Directory.CreateDirectory(harness.Dir);
        File.WriteAllText(Path.Combine(harness.Dir, "notes.txt"), "mine");

        var up = await Assert.ThrowsAsync<NetworkException>(() => harness.UpAsync());
        Assert.Contains("exists and is not a tlnet network", up.Message);
        var open = Assert.Throws<NetworkException>(() => LocalNetwork.Open(harness.Dir));
        Assert.Contains("is not a tlnet network", open.Message);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(harness.Dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Up_refuses_options_that_contradict_the_existing_network()
    {
        await using var harness = new NetworkHarness(output);
        harness.Generate(2);

        var e = await Assert.ThrowsAsync<NetworkException>(() => NetworkUp.RunAsync(
            harness.Request(nodes: 3, suite: "sm", admins: 2), harness.Launcher, NetworkHarness.Password, TimeProvider.System));

        Assert.Contains("--nodes 3 (the network has 2), --suite sm (the network has eth), --admins 2 (the network has 1) cannot change it", e.Message);
        Assert.Null(harness.Network.RunningPid(1));
    }

    [Fact]
    public async Task A_node_that_exits_during_start_is_reported_with_the_end_of_its_log()
    {
        using var fake = new FakeNode("echo 'starting'; echo 'fatal: cannot open the block store' >&2; exit 3");
        await using var harness = new NetworkHarness(output, fake.Path);

        var e = await Assert.ThrowsAsync<NodeExitedException>(() => harness.UpAsync());

        Assert.Equal(1, e.Node);
        Assert.Contains("node 1 (org1) exited during start", e.Message);
        Assert.Contains("  fatal: cannot open the block store", e.Message);
        Assert.Null(harness.Network.RunningPid(1));
    }

    [Fact]
    public async Task A_node_that_never_answers_is_named_at_the_timeout_and_can_be_killed()
    {
        using var fake = new FakeNode("while :; do sleep 1; done");
        await using var harness = new NetworkHarness(output, fake.Path);

        var e = await Assert.ThrowsAsync<NetworkException>(() => harness.UpAsync(timeout: TimeSpan.FromSeconds(1)));

        Assert.Contains("node 1 did not answer within 1 s", e.Message);
        Assert.Equal("starting", Assert.Single(await harness.Network.StatusAsync()).State);
        Assert.True(await harness.Network.KillAsync(1));
        Assert.Null(harness.Network.RunningPid(1));
    }
}
