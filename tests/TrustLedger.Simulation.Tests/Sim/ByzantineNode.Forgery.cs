using TrustLedger.Consensus.Messages;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Simulation.Tests.Sim;

// Messages no honest node may accept: other validators' names, bad signatures, bogus certificates, garbage,
// and round spam that must neither move honest nodes on its own nor grow their memory.
internal sealed partial class ByzantineNode
{
    private void ScheduleForgery() =>
        World.Scheduler.After(50 + World.Random.Next(250), () =>
        {
            Forge();
            ScheduleForgery();
        });

    private void Forge()
    {
        var peers = Peers.ToArray();
        var to = peers[World.Random.Next(peers.Length)];
        var victim = World.Keys[World.Random.Next(World.Keys.Length)].Address;
        var (height, round) = (_core.Height, _core.Round);
        var id = _seenValues.Count > 0 ? _seenValues[World.Random.Next(_seenValues.Count)] : SimValues.IdOf(SimValues.Make(true, height, "forged"));
        var type = World.Random.Next(2) == 0 ? VoteType.Prevote : VoteType.Precommit;
        switch (World.Random.Next(6))
        {
            case 0: // a vote in another validator's name, signed with our key
                SendTo(to, new Vote(type, height, round, id, victim, SignVote(type, height, round, id).Signature));
                break;
            case 1: // a vote with a random signature
                SendTo(to, new Vote(type, height, round, id, victim, RandomBytes(64)));
                break;
            case 2: // a proposal in the round proposer's name
                var value = SimValues.Make(true, height, $"forged{World.Random.Next()}");
                var proposer = World.Validators.Proposer(height, round).Address;
                SendTo(to, new Proposal(height, round, -1, SimValues.IdOf(value), value, proposer, RandomBytes(64)));
                break;
            case 3: // a certificate made of our own and made-up signatures
                var forgedValue = SimValues.Make(true, height, "forged-commit");
                var forgedId = SimValues.IdOf(forgedValue);
                var precommits = World.Keys.Select(k => new PrecommitSignature(k.Address,
                    k.Address == World.Keys[Index].Address ? SignVote(VoteType.Precommit, height, 0, forgedId).Signature : RandomBytes(64))).ToList();
                World.Network.Send(Index, to, new CommitEnvelope(forgedValue, new CommitCertificate(height, 0, forgedId, precommits).Encode(), height + 1));
                break;
            case 4: // garbage on the wire
                World.Network.Send(Index, to, new MessageEnvelope(RandomBytes(World.Random.Next(120))));
                break;
            default: // far-future rounds, properly signed: f of them must not drag honest nodes along
                SendTo(to, SignVote(type, height, round + 2 + World.Random.Next(1_000), null));
                break;
        }
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        World.Random.NextBytes(bytes);
        return bytes;
    }
}
