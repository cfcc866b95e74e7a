using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Outputs;
using TrustLedger.Consensus.Tests.Support;
using TrustLedger.Consensus.Wal;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.Tests;

public sealed class HappyPathTests
{
    private readonly Fixture _fx = new();

    [Fact]
    public void Non_proposer_prevotes_precommits_and_decides_with_a_verifiable_certificate()
    {
        var core = _fx.Started(0, 1, out var start);
        Assert.Equal((1ul, 0, RoundStep.Propose), (core.Height, core.Round, core.CurrentStep));
        Assert.Equal(new ScheduleTimeout(1, 0, RoundStep.Propose, TimeSpan.FromMilliseconds(300)), Assert.Single(start.Outputs));

        var value = Fixture.Value("block 1");
        var id = TestValues.IdOf(value);
        var step = core.Step(_fx.Proposal(1, 0, value));
        Assert.Equal(id, step.SingleVote(VoteType.Prevote).ValueId);
        Assert.Collection(step.Wal, r => Assert.IsType<WalInput>(r), r => Assert.IsType<WalVerdict>(r), r => Assert.IsType<WalSigned>(r));

        step = core.Feed(_fx.Prevote(1, 1, 0, id), _fx.Prevote(2, 1, 0, id));
        Assert.Equal(id, step.SingleVote(VoteType.Precommit).ValueId);
        Assert.Equal((0, (Hash32?)id), (core.LockedRound, core.LockedValueId));

        step = core.Feed(_fx.Precommit(1, 1, 0, id), _fx.Precommit(2, 1, 0, id));
        var decision = Assert.Single(step.Decisions());
        Assert.Equal((1ul, 0, id), (decision.Height, decision.Round, decision.ValueId));
        Assert.Equal(value, decision.Value);
        Assert.Equal(3, decision.Certificate.Precommits.Count);
        Assert.True(decision.Certificate.Verify(_fx.Set, _fx.Suite, Fixture.ChainId, 1, id).IsValid);
        Assert.Equal((2ul, 0, RoundStep.Propose, -1), (core.Height, core.Round, core.CurrentStep, core.LockedRound));
    }

    [Fact]
    public void Proposer_asks_the_host_for_a_value_then_proposes_and_prevotes_it()
    {
        var core = _fx.Started(1, 1, out var start);
        Assert.Contains(new RequestValue(1, 0), start.Outputs);

        var value = Fixture.Value("built");
        var step = core.Step(new ValueBuilt(1, 0, value));
        var proposal = Assert.Single(step.Sent<Proposal>());
        Assert.Equal((1ul, 0, -1, TestValues.IdOf(value)), (proposal.Height, proposal.Round, proposal.ValidRound, proposal.ValueId));
        Assert.Equal(proposal.ValueId, step.SingleVote(VoteType.Prevote).ValueId);
        Assert.Empty(core.Step(new ValueBuilt(1, 0, Fixture.Value("second"))).Outputs);
    }

    [Fact]
    public void A_single_validator_decides_every_height_by_itself()
    {
        var fx = new Fixture(1);
        var core = fx.Started(0);
        for (ulong h = 1; h <= 3; h++)
        {
            var step = core.Step(new ValueBuilt(h, 0, Fixture.Value($"block {h}")));
            Assert.Equal(h, Assert.Single(step.Decisions()).Height);
            Assert.Contains(new RequestValue(h + 1, 0), step.Outputs);
        }
    }

    [Fact]
    public void An_observer_decides_without_signing_anything()
    {
        var core = _fx.Started(-1);
        var value = Fixture.Value("block");
        var id = TestValues.IdOf(value);
        var step = core.Feed(_fx.Proposal(1, 0, value), _fx.Precommit(1, 1, 0, id), _fx.Precommit(2, 1, 0, id), _fx.Precommit(3, 1, 0, id));
        Assert.Single(step.Decisions());
        Assert.Empty(step.Sent<ConsensusMessage>());
        Assert.DoesNotContain(step.Wal, r => r is WalSigned);
        Assert.False(core.IsValidator);
    }

    [Fact]
    public void A_next_height_proposal_that_arrives_early_is_acted_on_when_the_node_gets_there()
    {
        var core = _fx.Started(0);
        var next = Fixture.Value("block 2");
        var early = core.Step(_fx.Proposal(2, 0, next));
        Assert.Single(early.Wal);
        Assert.Empty(early.Outputs);

        var value = Fixture.Value("block 1");
        var id = TestValues.IdOf(value);
        var step = core.Feed(_fx.Proposal(1, 0, value), _fx.Precommit(1, 1, 0, id), _fx.Precommit(2, 1, 0, id), _fx.Precommit(3, 1, 0, id));
        Assert.Single(step.Decisions());
        Assert.Contains(step.Sent<Vote>(), v => v.Height == 2 && v.Type == VoteType.Prevote && v.ValueId == TestValues.IdOf(next));
    }

    [Fact]
    public void Gossip_holds_the_round_messages_and_the_last_decision()
    {
        var core = _fx.Started(0);
        var value = Fixture.Value("block 1");
        var id = TestValues.IdOf(value);
        core.Feed(_fx.Proposal(1, 0, value), _fx.Prevote(2, 1, 0, id));
        var gossip = core.Gossip();
        Assert.Contains(gossip.Messages, m => m is Proposal);
        Assert.Equal(2, gossip.Messages.OfType<Vote>().Count());
        Assert.Null(gossip.LastDecision);

        core.Feed(_fx.Precommit(1, 1, 0, id), _fx.Precommit(2, 1, 0, id), _fx.Precommit(3, 1, 0, id));
        Assert.Equal(1ul, core.Gossip().LastDecision?.Height);
    }
}
