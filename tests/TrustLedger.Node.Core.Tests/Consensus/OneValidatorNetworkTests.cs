using Microsoft.Extensions.Logging.Abstractions;
using TrustLedger.Consensus;
using TrustLedger.Consensus.Messages;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Node.Core.Consensus;
using TrustLedger.Node.Core.Tests.Support;
using TrustLedger.Protocol.Genesis;
using TrustLedger.Protocol.Ledger;
using Xunit;

namespace TrustLedger.Node.Core.Tests.Consensus;

/// <summary>
/// Dev mode is a network of one validator: the real consensus driver with a quorum of one, no peers and no empty
/// blocks, committing through <see cref="BlockCommitter"/> like every other validator.
/// </summary>
public sealed class OneValidatorNetworkTests
{
    // Timeouts no test waits out: a block committed before its deadline waited for none of them.
    private static readonly TimeoutPolicy Never = new(
        TimeSpan.FromHours(1), TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.Zero, TimeSpan.FromHours(1));

    private static readonly ConsensusDriverOptions Dev = new() { Timeouts = Never, CreateEmptyBlocks = false };

    [Fact]
    public async Task A_transaction_commits_without_waiting_for_a_timeout_under_a_round_0_certificate_of_the_validator_alone()
    {
        var chain = new TestChain();
        await using var node = OneValidator.Start(chain, Dev);
        var tx = chain.Tx();
        Assert.True(chain.Admission.Admit(tx).Accepted);
        var block = await node.WaitForBlock(1);

        Assert.Equal(tx.Id, Assert.Single(block.Transactions).Id);
        var hash = block.Header.ComputeHash(chain.Suite.Hash);
        Assert.Equal((1UL, 0, hash), (block.Commit.Height, block.Commit.Round, block.Commit.ValueId));
        Assert.Equal(chain.Validator.Address, Assert.Single(block.Commit.Precommits).Validator);
        Assert.Null(BlockCertificate.Problem(chain.Suite, chain.Config.ChainId, block.Header, block.Commit, chain.Config.GenesisValidators));
        Assert.False(chain.Pool.Contains(tx.Id));
        Assert.Equal(1UL, chain.Ledger.Height);
    }

    [Fact]
    public async Task An_idle_validator_decides_no_empty_blocks_and_stays_in_its_round()
    {
        var chain = new TestChain();
        var fast = Dev with { Timeouts = LocalValidatorNetwork.FastTimeouts };
        await using var node = OneValidator.Start(chain, fast);
        Assert.True(chain.Admission.Admit(chain.Tx()).Accepted);
        await node.WaitForBlock(1);

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // several propose timeouts' worth of nothing to do
        Assert.Equal(1UL, chain.Store.Height);
        Assert.Equal(new ConsensusDriver.StatusSnapshot(2, 0, RoundStep.Propose), node.Driver.Status);

        Assert.True(chain.Admission.Admit(chain.Tx()).Accepted);
        Assert.Equal(0, (await node.WaitForBlock(2)).Commit.Round);
    }

    [Fact]
    public async Task Blocks_are_bounded_by_the_chain_parameters()
    {
        var chain = new TestChain(parameters: new ChainParameters { MaxBlockTxs = 3 });
        for (var i = 0; i < 7; i++) Assert.True(chain.Admission.Admit(chain.Tx()).Accepted);
        await using var node = OneValidator.Start(chain, Dev);
        await node.WaitForBlock(3);
        Assert.Equal([3, 3, 1], chain.Store.ReadBlocks(1).Select(b => b.Transactions.Count));
    }

    [Fact]
    public async Task A_chain_written_before_dev_mode_ran_consensus_continues_and_replays()
    {
        var chain = new TestChain();
        for (var i = 0; i < 3; i++) chain.Commit(chain.Tx(), chain.Tx(sender: chain.Bob));
        chain.Time.Advance(TimeSpan.FromSeconds(-30)); // block time must still increase

        await using (var node = OneValidator.Start(chain, Dev))
        {
            Assert.True(chain.Admission.Admit(chain.Tx()).Accepted);
            var block = await node.WaitForBlock(4);
            Assert.True(block.Header.TimeMs > chain.Store.GetHeader(3)!.TimeMs);
        }

        var (replayed, _) = LedgerLoader.Load(chain.Config, chain.Executor, chain.Store);
        Assert.Equal(chain.Ledger.HeadHash, replayed.HeadHash);
        Assert.Equal(chain.Ledger.State.Tree.Root, replayed.State.Tree.Root);
        Assert.Equal(chain.Ledger.Log.Root, replayed.Log.Root);
    }

    /// <summary>The driver of <see cref="TestChain"/>'s validator on its ledger, store and pool, with an in-memory WAL and no peers.</summary>
    private sealed class OneValidator : IAsyncDisposable
    {
        private readonly TestChain _chain;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;

        private OneValidator(TestChain chain, ConsensusDriverOptions options)
        {
            _chain = chain;
            Driver = new ConsensusDriver(chain.Config, chain.Ledger, chain.Executor, chain.Pool, chain.Store, chain.Committer,
                new LedgerValidatorSets(chain.Ledger), chain.Validator, new InMemoryConsensusWal(), new NoPeers(), chain.Time,
                NullLogger.Instance, options, _ => { });
            _run = Driver.RunAsync(_stop.Token);
        }

        public ConsensusDriver Driver { get; }

        public static OneValidator Start(TestChain chain, ConsensusDriverOptions options) => new(chain, options);

        public async Task<Block> WaitForBlock(ulong height)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (_chain.Store.Height < height)
            {
                if (_run.IsFaulted) await _run;
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"height {height} not reached: at {_chain.Store.Height} ({Driver.Status})");
                await Task.Delay(10);
            }
            return _chain.Store.GetBlock(height)!;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _run;
            }
            catch (OperationCanceledException)
            {
            }
            _stop.Dispose();
        }
    }

    private sealed class NoPeers : IPeerTransport
    {
        public void Broadcast(IReadOnlyList<ConsensusMessage> messages) { }
        public void ShareTransactions(IReadOnlyList<SignedTransaction> transactions) { }
        public void AnnounceStatus(PeerStatus status) { }
    }
}
