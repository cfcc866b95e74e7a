using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Tests.Support;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.Tests;

public sealed class LockingTests
{
    private readonly Fixture _fx = new();
    private static readonly byte[] A = Fixture.Value("value A"), B = Fixture.Value("value B");
    private static readonly Hash32 IdA = TestValues.IdOf(A), IdB = TestValues.IdOf(B);

    /// <summary>Validator 0 locks on A in round 0 (proposer 1), then round 0 ends without a decision.</summary>
    private ConsensusCore LockedOnAInRound0(int self = 0, bool disableLocking = false)
    {
        var core = new ConsensusCore(_fx.Config(self, disableLocking), 1);
        core.Step(new Restart([]));
        var others = Enumerable.Range(0, 4).Where(i => i != self && i != 1).ToArray();
        core.Feed(_fx.Proposal(1, 0, A), _fx.Prevote(1, 1, 0, IdA), _fx.Prevote(others[0], 1, 0, IdA));
        Assert.Equal((0, (Hash32?)IdA), (core.LockedRound, core.LockedValueId));
        core.Feed(_fx.Precommit(1, 1, 0, null), _fx.Precommit(others[0], 1, 0, null), new TimeoutFired(1, 0, RoundStep.Precommit));
        Assert.Equal(1, core.Round);
        return core;
    }

    [Fact]
    public void A_locked_validator_prevotes_nil_for_a_different_fresh_proposal()
    {
        var core = LockedOnAInRound0();
        var step = core.Step(_fx.Proposal(1, 1, B));
        Assert.True(step.SingleVote(VoteType.Prevote).IsNil);
    }

    [Fact]
    public void A_locked_validator_prevotes_its_locked_value_when_proposed_again()
    {
        var core = LockedOnAInRound0();
        var step = core.Step(_fx.Proposal(1, 1, A));
        Assert.Equal(IdA, step.SingleVote(VoteType.Prevote).ValueId);
    }

    [Fact]
    public void A_proof_of_lock_from_a_later_round_unlocks()
    {
        var core = LockedOnAInRound0();
        // Round 1: validators 1–3 prevote B (we never saw its proposal); we time out and precommit nil.
        var step = core.Feed(
            _fx.Prevote(1, 1, 1, IdB), _fx.Prevote(2, 1, 1, IdB), _fx.Prevote(3, 1, 1, IdB),
            new TimeoutFired(1, 1, RoundStep.Propose));
        Assert.True(step.SingleVote(VoteType.Prevote).IsNil);
        core.Feed(new TimeoutFired(1, 1, RoundStep.Prevote), _fx.Precommit(1, 1, 1, null), _fx.Precommit(2, 1, 1, null),
            new TimeoutFired(1, 1, RoundStep.Precommit));
        Assert.Equal(2, core.Round);

        // Round 2 re-proposes B with valid round 1: lockedRound 0 ≤ 1, so the POL wins over the lock.
        step = core.Step(_fx.Proposal(1, 2, B, validRound: 1));
        Assert.Equal(IdB, step.SingleVote(VoteType.Prevote).ValueId);
    }

    [Fact]
    public void A_proof_of_lock_older_than_the_lock_does_not_unlock()
    {
        var core = _fx.Started(0);
        // Round 0: B gets 2f+1 prevotes but we never see the proposal, so we do not lock.
        core.Feed(_fx.Prevote(1, 1, 0, IdB), _fx.Prevote(2, 1, 0, IdB), _fx.Prevote(3, 1, 0, IdB),
            new TimeoutFired(1, 0, RoundStep.Propose), new TimeoutFired(1, 0, RoundStep.Prevote),
            _fx.Precommit(1, 1, 0, null), _fx.Precommit(2, 1, 0, null), new TimeoutFired(1, 0, RoundStep.Precommit));
        Assert.Equal(-1, core.LockedRound);
        // Round 1: lock on A.
        core.Feed(_fx.Proposal(1, 1, A), _fx.Prevote(1, 1, 1, IdA), _fx.Prevote(2, 1, 1, IdA),
            _fx.Precommit(1, 1, 1, null), _fx.Precommit(2, 1, 1, null), new TimeoutFired(1, 1, RoundStep.Precommit));
        Assert.Equal((1, 2), (core.LockedRound, core.Round));
        // Round 2 proposes B with its round-0 POL: older than our lock, so nil.
        var step = core.Step(_fx.Proposal(1, 2, B, validRound: 0));
        Assert.True(step.SingleVote(VoteType.Prevote).IsNil);
    }

    [Fact]
    public void A_proposal_naming_a_valid_round_without_its_proof_of_lock_waits_then_times_out_to_nil()
    {
        var core = LockedOnAInRound0();
        Assert.Empty(core.Step(_fx.Proposal(1, 1, B, validRound: 0)).Sent<Vote>());
        Assert.Equal(RoundStep.Propose, core.CurrentStep);
        Assert.True(core.Step(new TimeoutFired(1, 1, RoundStep.Propose)).SingleVote(VoteType.Prevote).IsNil);
    }

    [Fact]
    public void The_proposer_reproposes_its_valid_value_with_its_valid_round()
    {
        // Validator 2 proposes round 1 at height 1.
        var core = LockedOnAInRound0(self: 2);
        var proposal = Assert.Single(core.Gossip().Messages.OfType<Proposal>(), p => p.Round == 1);
        Assert.Equal((IdA, 0), (proposal.ValueId, proposal.ValidRound));
    }

    [Fact]
    public void The_test_only_mutation_really_disables_locking()
    {
        var core = LockedOnAInRound0(disableLocking: true);
        var step = core.Step(_fx.Proposal(1, 1, B));
        Assert.Equal(IdB, step.SingleVote(VoteType.Prevote).ValueId);
    }
}
