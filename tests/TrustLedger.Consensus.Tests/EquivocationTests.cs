using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Outputs;
using TrustLedger.Consensus.Tests.Support;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Consensus.Tests;

public sealed class EquivocationTests
{
    private static readonly byte[] A = Fixture.Value("value A"), B = Fixture.Value("value B");

    [Fact]
    public void An_equivocator_yields_evidence_once_and_counts_at_most_once_per_value()
    {
        var fx = new Fixture();
        var core = fx.Started(0);
        var (idA, idB) = (TestValues.IdOf(A), TestValues.IdOf(B));
        core.Step(fx.Proposal(1, 0, A));
        var first = fx.Precommit(1, 1, 0, idB);
        var step = core.Feed(first, fx.Precommit(1, 1, 0, idA), fx.Precommit(1, 1, 0, idA), fx.Precommit(1, 1, 0, null));
        var evidence = Assert.IsType<DuplicateVoteEvidence>(Assert.Single(step.Outputs.OfType<EvidenceDetected>()).Evidence);
        Assert.Same(first.Vote, evidence.First);
        Assert.Equal(idA, evidence.Second.ValueId);

        // 1 counts once for A (a value we hold: its vote may be part of a proof of lock others saw), however often
        // it repeats it: with 2 that is two validators, one short of 2f+1.
        Assert.Empty(core.Step(fx.Precommit(2, 1, 0, idA)).Decisions());
        Assert.Single(core.Step(fx.Precommit(3, 1, 0, idA)).Decisions());
    }

    [Fact]
    public void A_conflicting_vote_for_a_value_nobody_proposed_is_evidence_only()
    {
        var fx = new Fixture();
        var core = fx.Started(0);
        var phantom = TestValues.IdOf(Fixture.Value("never proposed"));
        core.Feed(fx.Prevote(1, 1, 0, null), fx.Prevote(2, 1, 0, phantom), fx.Prevote(3, 1, 0, phantom));
        var step = core.Step(fx.Prevote(1, 1, 0, phantom));
        Assert.Single(step.Outputs.OfType<EvidenceDetected>());
        Assert.Empty(step.Sent<Vote>()); // no 2f+1 for the phantom value, so nothing moves
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
