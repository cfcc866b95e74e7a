using Xunit;
using TrustLedger.Protocol.Consensus;

namespace TrustLedger.Node.Core.Tests.Consensus;

/// <summary>
/// Four real validators in one process (cores, drivers, contracts, ledgers; in-memory disks): the consensus wiring
/// end to end without processes or sockets. Real-process and container tests cover the same ground over gRPC.
/// </summary>
public sealed class ConsensusDriverTests
{
    [Fact]
    public async Task Transactions_submitted_through_different_validators_commit_everywhere_with_identical_blocks()
    {
        await using var network = new LocalValidatorNetwork(4);
        network.StartAll();
        var txs = Enumerable.Range(0, 12).Select(i => network.Tx($"record {i}")).ToList();
        for (var i = 0; i < txs.Count; i++)
            Assert.Null(network.Nodes[i % 4].Submit(txs[i]).Rejection);
        foreach (var tx in txs) await network.WaitForTransaction(tx.Id, network.Nodes);

        var height = network.Nodes.Min(n => n.Store.Height);
        for (ulong h = 1; h <= height; h++)
        {
            var blocks = network.Nodes.Select(n => n.Store.GetBlock(h)!).ToList();
            var hash = blocks[0].Header.ComputeHash(network.Suite.Hash);
            Assert.All(blocks, b => Assert.Equal(hash, b.Header.ComputeHash(network.Suite.Hash)));
            var set = network.Chain.GenesisValidators;
            Assert.All(blocks, b => Assert.True(b.Commit.Verify(set, network.Suite, network.Chain.ChainId, h, hash).IsValid));
        }
        // each transaction exactly once, in one block, on every node
        foreach (var tx in txs)
            Assert.Single(network.Nodes.Select(n => n.Store.FindTransaction(tx.Id)).Distinct());
    }

    [Fact]
    public async Task Three_of_four_keep_committing_and_a_restarted_validator_catches_up_from_its_WAL_and_peers()
    {
        await using var network = new LocalValidatorNetwork(4);
        network.StartAll();
        await network.WaitForHeight(2);
        var down = network.Nodes[3];
        await down.StopAsync();
        var stoppedAt = down.Store.Height;

        var tx = network.Tx("while one is down");
        Assert.Null(network.Nodes[0].Submit(tx).Rejection);
        var others = network.Nodes.Take(3).ToList();
        await network.WaitForTransaction(tx.Id, others);
        await network.WaitForHeight(stoppedAt + 5, others);

        down.Start();
        var target = others.Max(n => n.Store.Height);
        await network.WaitForHeight(target, [down]);
        Assert.NotNull(down.Store.FindTransaction(tx.Id));
        Assert.Equal(others[0].Store.GetHeader(target), down.Store.GetHeader(target));
    }

    [Fact]
    public async Task With_two_of_four_stopped_nothing_commits_and_after_restarting_them_commits_resume()
    {
        await using var network = new LocalValidatorNetwork(4);
        network.StartAll();
        await network.WaitForHeight(1);
        await network.Nodes[2].StopAsync();
        await network.Nodes[3].StopAsync();
        await Task.Delay(300); // let a block already decided reach both survivors' stores
        var stalledAt = network.Nodes.Take(2).Max(n => n.Store.Height);
        var tx = network.Tx("needs a quorum");
        Assert.Null(network.Nodes[0].Submit(tx).Rejection);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(network.Nodes.Take(2), n => Assert.True(n.Store.Height <= stalledAt, $"node {n.Index} committed without a quorum"));
        Assert.All(network.Nodes.Take(2), n => Assert.Null(n.Store.FindTransaction(tx.Id)));

        network.Nodes[2].Start();
        network.Nodes[3].Start();
        await network.WaitForTransaction(tx.Id, network.Nodes);
    }

    [Fact]
    public async Task A_validator_whose_disk_was_wiped_resyncs_every_block_from_its_peers()
    {
        await using var network = new LocalValidatorNetwork(4);
        network.StartAll();
        for (var i = 0; i < 5; i++) network.Nodes[i % 3].Submit(network.Tx($"before wipe {i}"));
        await network.WaitForHeight(6);
        var wiped = network.Nodes[1];
        await wiped.StopAsync();
        wiped.Wipe();
        wiped.Start();
        var target = network.Nodes[0].Store.Height;
        await network.WaitForHeight(target, [wiped]);
        for (ulong h = 1; h <= target; h++)
            Assert.Equal(network.Nodes[0].Store.GetHeader(h), wiped.Store.GetHeader(h));
    }
}
