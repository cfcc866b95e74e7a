using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Outputs;
using TrustLedger.Consensus.Tests.Support;
using TrustLedger.Consensus.Wal;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.Tests;

/// <summary>A restarted node replays its WAL, resumes where it was, and never signs a conflicting message.</summary>
public sealed class WalReplayTests
{
    private readonly Fixture _fx = new();
    private static readonly byte[] A = Fixture.Value("value A"), B = Fixture.Value("value B");
    private static readonly Hash32 IdA = TestValues.IdOf(A);

    /// <summary>Runs inputs on a core, keeping its WAL as the host would: encoded bytes, in order.</summary>
    private sealed class Node(Fixture fx, int index, ulong startHeight = 1)
    {
        public List<byte[]> Disk { get; } = new();
        public ConsensusCore Core { get; private set; } = null!;

        public StepResult Boot()
        {
            Core = new ConsensusCore(fx.Config(index), startHeight);
            return Persist(Core.Step(new Restart(Disk.Select(b => WalRecord.Decode(b)).ToList())));
        }

        public StepResult Feed(params ConsensusInput[] inputs) => Persist(Core.Feed(inputs));

        private StepResult Persist(StepResult result)
        {
            Disk.AddRange(result.Wal.Select(r => r.Encode()));
            return result;
        }
    }

    [Fact]
    public void A_restarted_node_resends_its_prevote_and_does_not_prevote_again_on_timeout()
    {
        var node = new Node(_fx, 0);
        node.Boot();
        var before = node.Feed(_fx.Proposal(1, 0, A)).SingleVote(VoteType.Prevote);

        var resumed = node.Boot();
        var resent = resumed.SingleVote(VoteType.Prevote);
        Assert.True(resent.SameSignedMessage(before));
        Assert.Empty(resumed.Wal);
        Assert.Equal((1ul, 0, RoundStep.Prevote), (node.Core.Height, node.Core.Round, node.Core.CurrentStep));
        Assert.Empty(node.Feed(new TimeoutFired(1, 0, RoundStep.Propose)).Sent<Vote>());
    }

    [Fact]
    public void A_restart_whose_replay_diverges_still_cannot_sign_a_conflicting_vote()
    {
        var node = new Node(_fx, 0);
        node.Boot();
        node.Feed(_fx.Proposal(1, 0, A));
        _fx.Values.Invalid.Add(IdA); // the host now judges A differently: replay alone would prevote nil

        var resumed = node.Boot();
        Assert.Equal(IdA, resumed.SingleVote(VoteType.Prevote).ValueId);
        Assert.DoesNotContain(resumed.Sent<Vote>(), v => v.IsNil);
        Assert.Empty(node.Feed(new TimeoutFired(1, 0, RoundStep.Propose)).Sent<Vote>());
    }

    [Fact]
    public void Replay_takes_the_hosts_earlier_synchronous_verdict_rather_than_asking_again()
    {
        var node = new Node(_fx, 0);
        node.Boot();
        node.Feed(_fx.Proposal(1, 0, A));
        _fx.Values.Pending = true; // now the host would make the node wait
        _fx.Values.Asked.Clear();

        var resumed = node.Boot();
        Assert.Empty(resumed.Wal);
        Assert.Empty(_fx.Values.Asked);
        Assert.Equal(RoundStep.Prevote, node.Core.CurrentStep);
    }

    [Fact]
    public void A_verdict_the_host_owed_when_the_node_stopped_is_asked_for_again()
    {
        _fx.Values.Pending = true;
        var node = new Node(_fx, 0);
        node.Boot();
        node.Feed(_fx.Proposal(1, 0, A));
        _fx.Values.Pending = false;

        var resumed = node.Boot();
        Assert.Contains(IdA, _fx.Values.Asked);
        Assert.Collection(resumed.Wal, r => Assert.IsType<WalVerdict>(r), r => Assert.IsType<WalSigned>(r));
        Assert.Equal(IdA, resumed.SingleVote(VoteType.Prevote).ValueId);
    }

    [Fact]
    public void A_lock_survives_a_restart()
    {
        var node = new Node(_fx, 0);
        node.Boot();
        node.Feed(_fx.Proposal(1, 0, A), _fx.Prevote(1, 1, 0, IdA), _fx.Prevote(2, 1, 0, IdA),
            _fx.Precommit(1, 1, 0, null), _fx.Precommit(2, 1, 0, null), new TimeoutFired(1, 0, RoundStep.Precommit));

        var resumed = node.Boot();
        Assert.Equal((1, 0, (Hash32?)IdA), (node.Core.Round, node.Core.LockedRound, node.Core.LockedValueId));
        Assert.Contains(resumed.Outputs, o => o is ScheduleTimeout { Round: 1, Step: RoundStep.Propose });
        Assert.True(node.Feed(_fx.Proposal(1, 1, B)).SingleVote(VoteType.Prevote).IsNil);
    }

    [Fact]
    public void A_decision_lost_before_the_host_stored_it_is_decided_again_on_replay()
    {
        var node = new Node(_fx, 0);
        node.Boot();
        var decided = node.Feed(_fx.Proposal(1, 0, A), _fx.Precommit(1, 1, 0, IdA), _fx.Precommit(2, 1, 0, IdA), _fx.Precommit(3, 1, 0, IdA));
        Assert.Single(decided.Decisions());

        var replayed = Assert.Single(node.Boot().Decisions());
        Assert.Equal((1ul, IdA), (replayed.Height, replayed.ValueId));
        Assert.Equal(2ul, node.Core.Height);
    }

    [Fact]
    public void Records_of_heights_the_host_already_committed_are_skipped()
    {
        var first = new Node(_fx, 0);
        first.Boot();
        first.Feed(_fx.Proposal(1, 0, A), _fx.Precommit(1, 1, 0, IdA), _fx.Precommit(2, 1, 0, IdA), _fx.Precommit(3, 1, 0, IdA));

        var restarted = new Node(_fx, 0, startHeight: 2);
        restarted.Disk.AddRange(first.Disk);
        var resumed = restarted.Boot();
        Assert.Empty(resumed.Decisions());
        Assert.Equal((2ul, 0), (restarted.Core.Height, restarted.Core.Round));
    }

    [Fact]
    public void A_torn_wal_holding_the_input_but_not_the_signature_re_signs_and_writes_it_ahead()
    {
        var node = new Node(_fx, 0);
        node.Boot();
        node.Feed(_fx.Proposal(1, 0, A));
        node.Disk.RemoveAt(node.Disk.Count - 1); // the WalSigned record never reached the disk

        var resumed = node.Boot();
        Assert.IsType<WalSigned>(Assert.Single(resumed.Wal));
        Assert.Equal(IdA, resumed.SingleVote(VoteType.Prevote).ValueId);
    }

    [Fact]
    public void The_proposer_asks_again_for_a_value_after_a_restart_and_keeps_a_built_one()
    {
        var node = new Node(_fx, 1);
        Assert.Contains(new RequestValue(1, 0), node.Boot().Outputs);
        Assert.Contains(new RequestValue(1, 0), node.Boot().Outputs);
        node.Feed(new ValueBuilt(1, 0, A));

        var resumed = node.Boot();
        Assert.DoesNotContain(resumed.Outputs, o => o is RequestValue);
        Assert.Equal(IdA, Assert.Single(resumed.Sent<Proposal>()).ValueId);
    }

    [Fact]
    public void Replaying_from_the_next_height_retraces_a_run_that_had_buffered_its_messages()
    {
        // Live: at height 1 the node buffers height-2 traffic (a proposal for round 0, then f+1 round-1 votes), then
        // decides height 1 and applies the buffer. A restart from height 2 replays those records directly.
        var node = new Node(_fx, 0);
        node.Boot();
        var next = Fixture.Value("block 2");
        node.Feed(_fx.Proposal(2, 0, next), _fx.Prevote(1, 2, 1, null), _fx.Precommit(3, 2, 1, null));
        var live = node.Feed(_fx.Proposal(1, 0, A), _fx.Precommit(1, 1, 0, IdA), _fx.Precommit(2, 1, 0, IdA), _fx.Precommit(3, 1, 0, IdA));
        Assert.Single(live.Decisions());

        var restarted = new Node(_fx, 0, startHeight: 2);
        restarted.Disk.AddRange(node.Disk);
        var resumed = restarted.Boot();
        Assert.Empty(resumed.Wal); // nothing new to sign: the replay took the live path
        Assert.Equal((node.Core.Round, node.Core.CurrentStep), (restarted.Core.Round, restarted.Core.CurrentStep));
    }

    [Fact]
    public void The_guard_never_signs_below_the_highest_slot_it_signed()
    {
        var node = new Node(_fx, 0);
        node.Boot();
        node.Feed(_fx.Prevote(1, 1, 2, null), _fx.Prevote(2, 1, 2, null), new TimeoutFired(1, 2, RoundStep.Propose));
        Assert.Equal(2, node.Core.Round);

        // A restart whose WAL lost the inputs but kept the round-2 prevote: replay sits in round 0 and must not sign there.
        node.Disk.RemoveAll(b => WalRecord.Decode(b) is WalInput);
        var resumed = node.Boot();
        Assert.Equal(0, node.Core.Round);
        Assert.Empty(node.Feed(_fx.Proposal(1, 0, A), new TimeoutFired(1, 0, RoundStep.Propose)).Sent<Vote>());
        Assert.All(resumed.Sent<Vote>(), v => Assert.Equal(2, v.Round));
    }

    [Fact]
    public void Restart_must_come_first_and_only_once()
    {
        var core = new ConsensusCore(_fx.Config(0), 1);
        Assert.Throws<InvalidOperationException>(() => core.Step(new TimeoutFired(1, 0, RoundStep.Propose)));
        core.Step(new Restart([]));
        Assert.Throws<InvalidOperationException>(() => core.Step(new Restart([])));
    }
}
