using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Tests.Support;
using TrustLedger.Protocol.Consensus;

namespace TrustLedger.Consensus.Tests;

public sealed class ValidityTests
{
    private readonly Fixture _fx = new();
    private static readonly byte[] Value = Fixture.Value("a block");

    [Fact]
    public void An_invalid_value_gets_a_nil_prevote()
    {
        _fx.Values.Invalid.Add(TestValues.IdOf(Value));
        var core = _fx.Started(0);
        Assert.True(core.Step(_fx.Proposal(1, 0, Value)).SingleVote(VoteType.Prevote).IsNil);
    }

    [Fact]
    public void An_invalid_value_is_never_decided_even_with_a_precommit_quorum()
    {
        _fx.Values.Invalid.Add(TestValues.IdOf(Value));
        var core = _fx.Started(0);
        var id = TestValues.IdOf(Value);
        var step = core.Feed(_fx.Proposal(1, 0, Value), _fx.Precommit(1, 1, 0, id), _fx.Precommit(2, 1, 0, id), _fx.Precommit(3, 1, 0, id));
        Assert.Empty(step.Decisions());
    }

    [Fact]
    public void A_pending_verdict_holds_the_prevote_until_the_host_answers()
    {
        _fx.Values.Pending = true;
        var core = _fx.Started(0);
        var id = TestValues.IdOf(Value);
        Assert.Empty(core.Step(_fx.Proposal(1, 0, Value)).Sent<Vote>());
        Assert.Empty(core.Step(new ValueVerdictReceived(1, TestValues.IdOf(Fixture.Value("other")), true)).Wal);

        var step = core.Step(new ValueVerdictReceived(1, id, true));
        Assert.Equal(id, step.SingleVote(VoteType.Prevote).ValueId);
        Assert.Empty(core.Step(new ValueVerdictReceived(1, id, false)).Wal); // the first answer stands
    }

    [Fact]
    public void A_proposal_whose_value_does_not_hash_to_its_id_is_ignored()
    {
        var core = _fx.Started(0);
        var lying = Proposal.Create(Fixture.ChainId, _fx.Suite, _fx.Keys[1], 1, 0, -1, TestValues.IdOf(Fixture.Value("other")), Value);
        var step = core.Step(new ProposalReceived(lying));
        Assert.Empty(step.Wal);
        Assert.Empty(step.Outputs);
    }
}
