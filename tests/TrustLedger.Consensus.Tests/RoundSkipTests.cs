using TrustLedger.Consensus.Outputs;
using TrustLedger.Consensus.Tests.Support;

namespace TrustLedger.Consensus.Tests;

public sealed class RoundSkipTests
{
    private readonly Fixture _fx = new();

    [Fact]
    public void Messages_from_f_plus_1_validators_in_a_higher_round_move_the_node_there()
    {
        var core = _fx.Started(0);
        Assert.Empty(core.Step(_fx.Prevote(1, 1, 5, null)).Outputs);
        Assert.Equal(0, core.Round);

        var step = core.Step(_fx.Precommit(2, 1, 5, null));
        Assert.Equal((5, RoundStep.Propose), (core.Round, core.CurrentStep));
        Assert.Contains(new ScheduleTimeout(1, 5, RoundStep.Propose, TimeSpan.FromMilliseconds(800)), step.Outputs);
    }

    [Fact]
    public void One_validator_cannot_occupy_more_than_two_far_rounds()
    {
        var core = _fx.Started(0);
        var accepted = Enumerable.Range(10, 5).Count(r => core.Step(_fx.Prevote(1, 1, r, null)).Wal.Count > 0);
        Assert.Equal(2, accepted);
        Assert.NotEmpty(core.Step(_fx.Prevote(1, 1, 1, null)).Wal); // the next round is always open
    }
}
