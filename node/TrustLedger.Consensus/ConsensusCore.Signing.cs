using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Outputs;
using TrustLedger.Consensus.State;
using TrustLedger.Consensus.Wal;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus;

// Signing goes through the guard: one message per (height, round, kind), ever. The signed message is written ahead
// (WalSigned) in the same step as the input that caused it, and the host persists both before sending.
public sealed partial class ConsensusCore
{
    private void SignVote(VoteType type, Hash32? valueId)
    {
        if (_self is null) return;
        var already = _guard.Get(Height, Round, (byte)type) ?? _rounds.GetValueOrDefault(Round)?.Votes(type).Get(_self.Address);
        if (already is not null)
        {
            Send(already); // what we really said in this slot, even if a diverged replay now wants otherwise
            return;
        }
        if (!_guard.MaySign(Height, Round, (byte)type)) return; // never back: a correct run cannot get here
        SendNew(Vote.Create(_config.ChainId, _config.Suite, _config.SigningKey!, type, Height, Round, valueId));
    }

    private void SignProposal(Hash32 valueId, int validRound)
    {
        if (_self is null) return;
        var already = _guard.Get(Height, Round, 0);
        if (already is null && _rounds.GetValueOrDefault(Round)?.Proposal is { } received && received.Sender == _self.Address)
            already = received;
        if (already is not null)
        {
            Send(already);
            return;
        }
        if (!_guard.MaySign(Height, Round, 0)) return;
        SendNew(Proposal.Create(_config.ChainId, _config.Suite, _config.SigningKey!, Height, Round, validRound, valueId, _values[valueId].Bytes));
    }

    private void SendNew(ConsensusMessage message)
    {
        _guard.Remember(message);
        _wal.Add(new WalSigned(message)); // also during replay: a torn WAL may hold the input but not this record
        Send(message);
    }

    private void Send(ConsensusMessage message)
    {
        Emit(new Broadcast(message));
        AcceptOwn(message);
    }

    /// <summary>Our own messages count like anyone's (the paper's processes receive their own broadcasts).</summary>
    private void AcceptOwn(ConsensusMessage message)
    {
        if (_self is null || message.Height != Height) return;
        var round = GetRound(message.Round);
        switch (message)
        {
            case Proposal proposal when round.Proposal is null:
                round.AddFirstProposal(proposal, _self.Power);
                _values.TryAdd(proposal.ValueId, new ValueEntry(proposal.Value, ValueVerdict.Valid)); // we judged it when signing
                break;
            case Vote vote when round.Votes(vote.Type).Get(vote.Sender) is null:
                round.AddVote(vote, _self.Power);
                break;
        }
    }
}
