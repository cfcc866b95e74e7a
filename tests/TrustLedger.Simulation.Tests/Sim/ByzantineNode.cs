using TrustLedger.Consensus;
using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Outputs;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Crypto;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Simulation.Tests.Sim;

/// <summary>
/// A Byzantine validator. It runs a real core to keep pace with heights and rounds, then corrupts what it sends
/// according to its <see cref="ByzantineTraits"/>, signing whatever it likes with its own key. It never crashes and
/// keeps misbehaving after the network heals.
/// </summary>
internal sealed partial class ByzantineNode : SimNode
{
    private readonly ByzantineTraits _traits;
    private readonly ConsensusCore _core;
    private readonly KeyPair _key;
    private readonly List<Hash32> _seenValues = new();
    private ulong _seenHeight;
    private bool _booted;

    public ByzantineNode(World world, int index, ByzantineTraits traits) : base(world, index)
    {
        _traits = traits;
        _key = world.Keys[index];
        _core = new ConsensusCore(new ConsensusConfig
        {
            ChainId = World.ChainId,
            Suite = world.Suite,
            SigningKey = _key,
            Validators = world.Provider,
            ProposalValidator = new SimValues(0),
            Timeouts = world.Timeouts,
        }, 1);
    }

    private bool Has(ByzantineTraits trait) => (_traits & trait) != 0;

    public override void Boot()
    {
        _booted = true;
        Handle(_core.Step(new Restart([])));
        if (Has(ByzantineTraits.Forge)) ScheduleForgery();
    }

    public override void Receive(int from, Envelope envelope)
    {
        if (!_booted || ToInput(envelope) is not { } input) return;
        if (input is ProposalReceived p) NoteValue(p.Proposal.Height, p.Proposal.ValueId);
        Handle(_core.Step(input));
    }

    private void NoteValue(ulong height, Hash32 id)
    {
        if (height != _seenHeight)
        {
            _seenHeight = height;
            _seenValues.Clear();
        }
        if (!_seenValues.Contains(id) && _seenValues.Count < 8) _seenValues.Add(id);
    }

    private void Handle(StepResult result)
    {
        foreach (var output in result.Outputs)
        {
            switch (output)
            {
                case Broadcast { Message: Vote vote }:
                    SendVote(vote);
                    break;
                case Broadcast { Message: Proposal proposal }:
                    SendProposal(proposal);
                    break;
                case ScheduleTimeout t:
                    World.Scheduler.After((long)t.Duration.TotalMilliseconds, () => Handle(_core.Step(new TimeoutFired(t.Height, t.Round, t.Step))));
                    break;
                case RequestValue r:
                    var valid = !Has(ByzantineTraits.InvalidProposals);
                    var value = SimValues.Make(valid, r.Height, $"byz{Index}-{World.Random.Next()}");
                    World.Scheduler.After(1, () => Handle(_core.Step(new ValueBuilt(r.Height, r.Round, value))));
                    break;
            }
        }
    }

    private void SendTo(int to, ConsensusMessage message) => World.Network.Send(Index, to, new MessageEnvelope(message.Encode()));

    private IEnumerable<int> Peers => Enumerable.Range(0, World.Scenario.N).Where(i => i != Index);

    private Vote SignVote(VoteType type, ulong height, int round, Hash32? id) =>
        Vote.Create(World.ChainId, World.Suite, _key, type, height, round, id);

    private void SendVote(Vote vote)
    {
        if (Has(ByzantineTraits.Silent)) return;
        foreach (var peer in Peers)
        {
            var sent = vote;
            if (Has(ByzantineTraits.EquivocateVotes) && World.Random.Next(2) == 0)
                sent = SignVote(vote.Type, vote.Height, vote.Round, OtherValue(vote.ValueId));
            SendTo(peer, sent);
        }
        if (!Has(ByzantineTraits.VoteForEverything)) return;
        foreach (var id in _seenValues.ToList())
            foreach (var peer in Peers)
                SendTo(peer, SignVote(vote.Type, vote.Height, vote.Round, id));
    }

    private Hash32? OtherValue(Hash32? current)
    {
        var choice = World.Random.Next(_seenValues.Count + 2);
        if (choice < _seenValues.Count) return _seenValues[choice];
        if (choice == _seenValues.Count) return current is null ? SimValues.IdOf(SimValues.Make(true, 0, $"phantom{World.Random.Next()}")) : null;
        return SimValues.IdOf(SimValues.Make(true, 0, $"phantom{World.Random.Next()}"));
    }

    private void SendProposal(Proposal proposal)
    {
        if (Has(ByzantineTraits.Silent)) return;
        NoteValue(proposal.Height, proposal.ValueId);
        foreach (var peer in Peers)
        {
            var sent = proposal;
            if (Has(ByzantineTraits.EquivocateProposals) && World.Random.Next(2) == 0)
            {
                var valid = !Has(ByzantineTraits.InvalidProposals) || World.Random.Next(2) == 0;
                var height = World.Random.Next(4) == 0 ? proposal.Height + 1 : proposal.Height; // wrong-height values are invalid too
                var value = SimValues.Make(valid, height, $"byz{Index}-alt{World.Random.Next(3)}");
                var validRound = World.Random.Next(3) == 0 ? World.Random.Next(-1, proposal.Round) : -1;
                sent = Proposal.Create(World.ChainId, World.Suite, _key, proposal.Height, proposal.Round, validRound, SimValues.IdOf(value), value);
                NoteValue(proposal.Height, sent.ValueId);
            }
            SendTo(peer, sent);
        }
    }
}
