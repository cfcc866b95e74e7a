using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Outputs;
using TrustLedger.Consensus.Tests.Support;
using TrustLedger.Protocol.Consensus;

namespace TrustLedger.Consensus.Tests;

public sealed class TimeoutTests
{
    private readonly Fixture _fx = new();

    [Fact]
    public void Propose_timeout_prevotes_nil()
    {
        var core = _fx.Started(0);
        var step = core.Step(new TimeoutFired(1, 0, RoundStep.Propose));
        Assert.True(step.SingleVote(VoteType.Prevote).IsNil);
        Assert.Equal(RoundStep.Prevote, core.CurrentStep);
    }

    [Fact]
    public void Prevote_timeout_is_armed_once_after_2f_plus_1_prevotes_of_any_kind_and_precommits_nil()
    {
        var core = _fx.Started(0);
        core.Step(new TimeoutFired(1, 0, RoundStep.Propose));
        Assert.Empty(core.Step(_fx.Prevote(1, 1, 0, TestValues.IdOf(Fixture.Value("x")))).Timeouts());
        var armed = core.Step(_fx.Prevote(2, 1, 0, null)).Timeouts();
        Assert.Equal(new ScheduleTimeout(1, 0, RoundStep.Prevote, TimeSpan.FromMilliseconds(200)), Assert.Single(armed));
        Assert.Empty(core.Step(_fx.Prevote(3, 1, 0, TestValues.IdOf(Fixture.Value("x")))).Timeouts());

        var step = core.Step(new TimeoutFired(1, 0, RoundStep.Prevote));
        Assert.True(step.SingleVote(VoteType.Precommit).IsNil);
        Assert.Equal(RoundStep.Precommit, core.CurrentStep);
    }

    [Fact]
    public void Two_thirds_prevotes_for_nil_precommit_nil_without_waiting()
    {
        var core = _fx.Started(0);
        core.Step(new TimeoutFired(1, 0, RoundStep.Propose));
        core.Step(_fx.Prevote(1, 1, 0, null));
        Assert.True(core.Step(_fx.Prevote(2, 1, 0, null)).SingleVote(VoteType.Precommit).IsNil);
    }

    [Fact]
    public void Precommit_timeout_starts_the_next_round_with_longer_timeouts()
    {
        var core = _fx.Started(0);
        core.Feed(new TimeoutFired(1, 0, RoundStep.Propose), _fx.Precommit(1, 1, 0, null), _fx.Precommit(2, 1, 0, null));
        var armed = core.Step(_fx.Precommit(3, 1, 0, null)).Timeouts();
        Assert.Equal(RoundStep.Precommit, Assert.Single(armed).Step);

        var step = core.Step(new TimeoutFired(1, 0, RoundStep.Precommit));
        Assert.Equal((1, RoundStep.Propose), (core.Round, core.CurrentStep));
        Assert.Equal(TimeSpan.FromMilliseconds(400), Assert.Single(step.Timeouts()).Duration);
    }

    [Fact]
    public void Stale_timeouts_change_nothing_and_are_not_written_ahead()
    {
        var core = _fx.Started(0);
        core.Feed(new TimeoutFired(1, 0, RoundStep.Propose), _fx.Precommit(1, 1, 0, null), _fx.Precommit(2, 1, 0, null),
            _fx.Precommit(3, 1, 0, null), new TimeoutFired(1, 0, RoundStep.Precommit));
        foreach (var stale in new[] { new TimeoutFired(1, 0, RoundStep.Propose), new TimeoutFired(1, 0, RoundStep.Precommit), new TimeoutFired(1, 1, RoundStep.Prevote) })
            Assert.Equal(StepResult.Empty.Outputs, core.Step(stale).Outputs);
        Assert.Equal(1, core.Round);
    }

    [Fact]
    public void Timeouts_grow_linearly_per_round_up_to_the_cap()
    {
        var policy = _fx.Timeouts;
        Assert.Equal(TimeSpan.FromMilliseconds(300), policy.For(RoundStep.Propose, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(800), policy.For(RoundStep.Propose, 5));
        Assert.Equal(TimeSpan.FromMilliseconds(700), policy.For(RoundStep.Precommit, 5));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.For(RoundStep.Prevote, ConsensusMessage.MaxRound));
    }
}
