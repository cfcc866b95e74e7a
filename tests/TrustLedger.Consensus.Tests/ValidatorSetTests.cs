using TrustLedger.Consensus.Tests.Support;
using TrustLedger.Consensus.Validators;
using TrustLedger.Protocol.Consensus;

namespace TrustLedger.Consensus.Tests;

public sealed class ValidatorSetTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(4, 3, 2)]
    [InlineData(5, 4, 2)]
    [InlineData(7, 5, 3)]
    [InlineData(10, 7, 4)]
    public void Quorum_is_2f_plus_1_and_one_third_is_f_plus_1(int n, int quorum, int oneThird)
    {
        var set = new Fixture(n).Set;
        Assert.True(set.IsQuorum(quorum));
        Assert.False(set.IsQuorum(quorum - 1));
        Assert.True(set.IsOneThird(oneThird));
        Assert.False(set.IsOneThird(oneThird - 1));
    }

    [Fact]
    public void The_proposer_rotates_round_robin_by_height_plus_round()
    {
        var fx = new Fixture();
        Assert.Equal(fx.Keys[1].Address, fx.Set.Proposer(1, 0).Address);
        Assert.Equal(fx.Keys[2].Address, fx.Set.Proposer(1, 1).Address);
        Assert.Equal(fx.Keys[2].Address, fx.Set.Proposer(2, 0).Address);
        Assert.Equal(fx.Keys[0].Address, fx.Set.Proposer(1, 3).Address);
        Assert.Equal(fx.Keys[3].Address, fx.Set.Proposer(1, 6).Address);
    }

    [Fact]
    public void Bad_sets_are_refused()
    {
        var fx = new Fixture();
        var v = fx.Set.Validators[0];
        Assert.Throws<ArgumentException>(() => new ValidatorSet([]));
        Assert.Throws<ArgumentException>(() => new ValidatorSet([v, v]));
        Assert.Throws<ArgumentException>(() => new ValidatorSet([v with { Power = 0 }]));
    }

    [Fact]
    public void A_scheduled_change_applies_from_its_height()
    {
        var fx = new Fixture();
        var later = new ValidatorSet(fx.Set.Validators.Take(3));
        var provider = new StaticValidatorSetProvider(fx.Set).ChangeAt(10, later);
        Assert.Same(fx.Set, provider.GetValidatorSet(9));
        Assert.Same(later, provider.GetValidatorSet(10));
        Assert.Same(later, provider.GetValidatorSet(11));
    }
}
