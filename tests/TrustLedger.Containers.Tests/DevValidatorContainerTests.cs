using System.Diagnostics;
using Grpc.Core;
using TrustLedger.Containers.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace TrustLedger.Containers.Tests;

/// <summary>
/// One dev-mode validator in a container of the real image, driven from the host through its published port with the SDK:
/// the image runs, the node binds every interface and its Orleans silo clusters on the container's loopback, it shuts
/// down on SIGTERM as PID 1, keeps its chain across a restart, and survives being frozen.
/// </summary>
[Collection(ContainersCollection.Name)]
public sealed class DevValidatorContainerTests(NodeImage image, ITestOutputHelper output) : IAsyncLifetime
{
    private NodeContainer _node = null!;

    public async Task InitializeAsync()
    {
        if (DockerEngine.Problem is not null) return;
        output.WriteLine($"image: publish+stage {image.PublishTime.TotalSeconds:F1} s, docker build {image.BuildTime.TotalSeconds:F1} s (first test of the run only)");
        _node = NodeContainer.DevValidator();
        var clock = Stopwatch.StartNew();
        await _node.StartAsync();
        output.WriteLine($"container start → listening: {clock.Elapsed.TotalSeconds:F1} s");
    }

    public async Task DisposeAsync()
    {
        if (_node is null) return;
        output.WriteLine(await _node.LogsAsync());
        await _node.DisposeAsync();
    }

    [DockerFact]
    public async Task Answers_GetStatus_from_the_host_through_the_published_port()
    {
        using var client = await _node.ConnectAsync();

        var status = await client.GetStatusAsync();

        Assert.Equal("trustledger-dev", status.ChainId);
        Assert.Equal("validator", status.Role);
        Assert.Equal(0UL, status.Height);
        Assert.Single(status.Validators);
    }

    [DockerFact]
    public async Task A_submitted_transaction_commits()
    {
        using var client = await _node.ConnectAsync(await _node.DevClientKeyAsync());

        var receipt = await client.SubmitAsync("anchor.put", "committed in a container"u8.ToArray());

        Assert.True(receipt.Success, receipt.ToString());
        Assert.Equal(1UL, receipt.Height);
        var committed = await client.GetTransactionAsync(receipt.TxId);
        Assert.Equal(receipt.BlockHash, committed.Receipt.BlockHash);
    }

    [DockerFact]
    public async Task Docker_stop_is_prompt_and_a_restart_keeps_the_chain()
    {
        var key = await _node.DevClientKeyAsync();
        Protocol.Primitives.Hash32 txId;
        Sdk.NodeInfo before;
        using (var client = await _node.ConnectAsync(key))
        {
            txId = (await client.SubmitAsync("anchor.put", "before the restart"u8.ToArray())).TxId;
            before = await client.GetStatusAsync();
        }

        var stopping = await _node.StopAsync();
        output.WriteLine($"docker stop took {stopping.TotalSeconds:F2} s");

        Assert.Equal(0, await _node.ExitCodeAsync());          // shut down on SIGTERM; Docker's SIGKILL would be 137
        Assert.True(stopping < TimeSpan.FromSeconds(5), $"docker stop took {stopping}: the node did not stop on SIGTERM");
        await _node.StartAsync();                               // the same container: same /data
        using var after = await _node.ConnectAsync(key);
        var status = await after.GetStatusAsync();
        Assert.Equal(before.Height, status.Height);
        Assert.Equal(before.HeadHash, status.HeadHash);
        Assert.Equal(before.StateRoot, status.StateRoot);
        Assert.Equal(before.Height, (await after.GetTransactionAsync(txId)).Receipt.Height);
        Assert.Equal(before.Height + 1, (await after.SubmitAsync("anchor.put", "after the restart"u8.ToArray())).Height);
    }

    [DockerFact]
    public async Task A_paused_node_fails_calls_at_their_deadline_and_commits_again_once_unpaused()
    {
        using var client = await _node.ConnectAsync(await _node.DevClientKeyAsync());
        var first = await client.SubmitAsync("anchor.put", "before the pause"u8.ToArray());

        await _node.PauseAsync();
        var clock = Stopwatch.StartNew();
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            var failed = await Assert.ThrowsAsync<RpcException>(() => client.GetStatusAsync(deadline.Token));
            Assert.Equal(StatusCode.Cancelled, failed.StatusCode);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the call to a paused node returned after {clock.Elapsed}, not at its deadline");
        var frozen = await Assert.ThrowsAsync<RpcException>(() =>
            client.SubmitAsync(client.Sign("anchor.put", "while paused"u8.ToArray()), TimeSpan.FromSeconds(1)));
        Assert.Equal(StatusCode.DeadlineExceeded, frozen.StatusCode);

        await _node.UnpauseAsync();
        var resumed = await client.SubmitAsync("anchor.put", "after the pause"u8.ToArray());
        Assert.True(resumed.Success, resumed.ToString());
        Assert.True(resumed.Height > first.Height);
    }
}
