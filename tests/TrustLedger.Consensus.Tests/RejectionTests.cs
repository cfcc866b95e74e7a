using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Tests.Support;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Consensus.Tests;

/// <summary>Every message is checked for signature, membership and role before it is written ahead or counted.</summary>
public sealed class RejectionTests
{
    private readonly Fixture _fx = new();
    private static readonly byte[] Value = Fixture.Value("a block");

    private void AssertIgnored(ConsensusCore core, ConsensusInput input)
    {
        var step = core.Step(input);
        Assert.Empty(step.Wal);
        Assert.Empty(step.Outputs);
    }

    public static TheoryData<string> Forgeries => new() { "random signature", "other validator's signature", "other chain", "non-member" };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void Forged_votes_are_ignored(string forgery)
    {
        var core = _fx.Started(0);
        var id = TestValues.IdOf(Value);
        var honest = _fx.Vote(1, VoteType.Prevote, 1, 0, id);
        var outsider = Fixture.KeyOf(_fx.Suite, 9);
        Vote forged = forgery switch
        {
            "random signature" => new Vote(VoteType.Prevote, 1, 0, id, honest.Sender, new byte[64]),
            "other validator's signature" => new Vote(VoteType.Prevote, 1, 0, id, honest.Sender, _fx.Vote(2, VoteType.Prevote, 1, 0, id).Signature),
            "other chain" => Vote.Create("another-chain", _fx.Suite, _fx.Keys[1], VoteType.Prevote, 1, 0, id),
            _ => Vote.Create(Fixture.ChainId, _fx.Suite, outsider, VoteType.Prevote, 1, 0, id),
        };
        AssertIgnored(core, new VoteReceived(forged));
        // The real validator 1 is not blocked by the forgery.
        Assert.NotEmpty(core.Step(new VoteReceived(honest)).Wal);
    }

    [Fact]
    public void A_proposal_from_anyone_but_the_rounds_proposer_is_ignored()
    {
        var core = _fx.Started(0);
        AssertIgnored(core, _fx.Proposal(1, 0, Value, by: 2));
    }

    [Fact]
    public void A_proposal_with_a_forged_signature_is_ignored()
    {
        var core = _fx.Started(0);
        var real = _fx.Proposal(1, 0, Value).Proposal;
        AssertIgnored(core, new ProposalReceived(new Proposal(1, 0, -1, real.ValueId, Value, real.Sender, new byte[64])));
    }

    [Fact]
    public void Messages_for_past_or_far_future_heights_are_ignored()
    {
        var core = _fx.Started(0, 5);
        AssertIgnored(core, _fx.Prevote(1, 4, 0, null));
        AssertIgnored(core, _fx.Prevote(1, 7, 0, null));
        AssertIgnored(core, _fx.Prevote(1, 6, 3, null)); // next height, but only rounds 0–1 are buffered
    }

    [Fact]
    public void Repeats_of_a_counted_vote_are_dropped_without_writing_ahead()
    {
        var core = _fx.Started(0);
        var vote = _fx.Prevote(1, 1, 0, null);
        Assert.NotEmpty(core.Step(vote).Wal);
        AssertIgnored(core, vote);
    }

    [Fact]
    public void A_validator_set_change_takes_effect_at_its_height()
    {
        var smaller = new ValidatorSet(_fx.Set.Validators.Skip(1));
        var config = _fx.Config(0);
        var core = new ConsensusCore(new ConsensusConfig
        {
            ChainId = config.ChainId, Suite = config.Suite, SigningKey = config.SigningKey,
            Validators = new Validators.StaticValidatorSetProvider(_fx.Set).ChangeAt(2, smaller),
            ProposalValidator = config.ProposalValidator, Timeouts = config.Timeouts,
        }, 1);
        core.Step(new Restart([]));
        Assert.True(core.IsValidator);
        var id = TestValues.IdOf(Value);
        core.Feed(_fx.Proposal(1, 0, Value), _fx.Precommit(1, 1, 0, id), _fx.Precommit(2, 1, 0, id), _fx.Precommit(3, 1, 0, id));
        Assert.Equal(2ul, core.Height);
        Assert.False(core.IsValidator);
        Assert.Equal(3, core.Validators.Count);
        Assert.Empty(core.Step(new TimeoutFired(2, 0, RoundStep.Propose)).Sent<Vote>());
    }
}
