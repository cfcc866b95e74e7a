using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Outputs;
using TrustLedger.Consensus.Tests.Support;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Consensus.Tests;

public sealed class EquivocationTests
{
    private static readonly byte[] A = Fixture.Value("value A"), B = Fixture.Value("value B");

    [Fact]
    public void Conflicting_votes_from_one_validator_count_once_and_yield_evidence_once()
    {
        var fx = new Fixture();
        var core = fx.Started(0);
        var (idA, idB) = (TestValues.IdOf(A), TestValues.IdOf(B));
        core.Step(fx.Proposal(1, 0, A));
        var first = fx.Precommit(1, 1, 0, idB);
        var step = core.Feed(first, fx.Precommit(1, 1, 0, idA), fx.Precommit(1, 1, 0, null));
        var evidence = Assert.IsType<DuplicateVoteEvidence>(Assert.Single(step.Outputs.OfType<EvidenceDetected>()).Evidence);
        Assert.Same(first.Vote, evidence.First);
        Assert.Equal(idA, evidence.Second.ValueId);

        // 1's precommit for A was never counted: A has only 2's precommit, B has 1's and 3's; no quorum anywhere.
        Assert.Empty(core.Feed(fx.Precommit(2, 1, 0, idA), fx.Precommit(3, 1, 0, idB)).Decisions());
    }

    [Fact]
    public void A_resigned_copy_of_the_same_vote_is_not_counted_twice()
    {
        var fx = new Fixture(suite: CryptoSuites.Sm); // SM2 signatures differ on every signing
        var core = fx.Started(0);
        var id = TestValues.IdOf(A);
        core.Step(fx.Proposal(1, 0, A));
        var copies = core.Feed(fx.Precommit(1, 1, 0, id), fx.Precommit(1, 1, 0, id), fx.Precommit(2, 1, 0, id), fx.Precommit(2, 1, 0, id));
        Assert.Empty(copies.Decisions());
        Assert.Empty(copies.Outputs.OfType<EvidenceDetected>());
        Assert.Single(core.Step(fx.Precommit(3, 1, 0, id)).Decisions());
    }

    [Fact]
    public void An_equivocating_proposer_yields_evidence_and_the_first_proposal_drives_the_prevote()
    {
        var fx = new Fixture();
        var core = fx.Started(0);
        var step = core.Feed(fx.Proposal(1, 0, A), fx.Proposal(1, 0, B));
        Assert.Equal(TestValues.IdOf(A), step.SingleVote(VoteType.Prevote).ValueId);
        Assert.IsType<DuplicateProposalEvidence>(Assert.Single(step.Outputs.OfType<EvidenceDetected>()).Evidence);
    }

    [Fact]
    public void The_other_value_of_an_equivocating_proposer_is_kept_once_f_plus_1_vote_for_it_so_the_node_can_decide_it()
    {
        var fx = new Fixture();
        var core = fx.Started(0);
        var idB = TestValues.IdOf(B);
        core.Feed(fx.Proposal(1, 0, A), fx.Prevote(2, 1, 0, idB), fx.Prevote(3, 1, 0, idB), fx.Proposal(1, 0, B));
        var step = core.Feed(fx.Precommit(1, 1, 0, idB), fx.Precommit(2, 1, 0, idB), fx.Precommit(3, 1, 0, idB));
        Assert.Equal(B, Assert.Single(step.Decisions()).Value);
    }

    [Fact]
    public void Without_f_plus_1_votes_the_second_value_is_not_even_stored()
    {
        var fx = new Fixture();
        var core = fx.Started(0);
        core.Feed(fx.Proposal(1, 0, A), fx.Proposal(1, 0, B));
        Assert.DoesNotContain(fx.Values.Asked, id => id == TestValues.IdOf(B));
    }
}
