using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Outputs;
using TrustLedger.Consensus.State;
using TrustLedger.Consensus.Wal;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus;

// Accepting messages: every check happens before the input is written ahead; only then does state change.
public sealed partial class ConsensusCore
{
    /// <summary>Rounds beyond round + 1 that one validator may occupy; bounds memory against round spam.</summary>
    private const int FarRoundBudget = 2;

    private bool OnProposal(Proposal proposal, ConsensusInput? input)
    {
        if (proposal.Height == Height + 1) return BufferFuture(proposal, input);
        if (proposal.Height != Height || proposal.Value.Length > _config.MaxValueBytes) return false;
        if (proposal.Sender != _validators.Proposer(Height, proposal.Round).Address) return false;
        var round = _rounds.GetValueOrDefault(proposal.Round);
        if (round is not null && round.ProposalsByValue.TryGetValue(proposal.ValueId, out var known) && known.SameContent(proposal)) return false;
        if (!_config.ProposalValidator.TryGetValueId(proposal.Value, out var id) || id != proposal.ValueId) return false;
        var first = round?.Proposal;
        if (first is null && !WithinRoundBudget(proposal.Sender, proposal.Round)) return false;
        if (!Verify(proposal, out var power)) return false;

        if (first is null)
        {
            Record(input);
            NoteRound(proposal.Sender, proposal.Round);
            GetRound(proposal.Round).AddFirstProposal(proposal, power);
            LearnValue(id, proposal.Value);
            return true;
        }

        // The proposer equivocated. Keep its other value only if f+1 already vote for it: then an honest validator
        // saw it first, and we may need its bytes to follow the quorum.
        var newOffence = !_equivocators.Contains((proposal.Sender, proposal.Round, 0));
        var keep = !round!.ProposalsByValue.ContainsKey(id) && round.HasOneThirdFor(id);
        if (!newOffence && !keep) return false;
        Record(input);
        if (newOffence)
        {
            _equivocators.Add((proposal.Sender, proposal.Round, 0));
            Emit(new EvidenceDetected(new DuplicateProposalEvidence(first, proposal)));
        }
        if (!keep) return false;
        round.AddExtraProposal(proposal);
        LearnValue(id, proposal.Value);
        return true;
    }

    private bool OnVote(Vote vote, ConsensusInput? input)
    {
        if (vote.Height == Height + 1) return BufferFuture(vote, input);
        if (vote.Height != Height || !_validators.Contains(vote.Sender)) return false;
        var votes = _rounds.GetValueOrDefault(vote.Round)?.Votes(vote.Type);
        var existing = votes?.Get(vote.Sender);
        if (existing is not null)
        {
            // Repeats are dropped unverified (cheap gossip). A conflicting vote is evidence; it also counts toward
            // its own value's tally when that value is nil or one we hold, which bounds what an equivocator can store.
            if (votes!.Counts(vote.Sender, vote.ValueId)) return false;
            var key = (vote.Sender, vote.Round, (byte)vote.Type);
            var newOffence = !_equivocators.Contains(key);
            var counts = vote.ValueId is not { } id || _values.ContainsKey(id);
            if (!(newOffence || counts) || !Verify(vote, out var conflictingPower)) return false;
            Record(input);
            if (newOffence)
            {
                _equivocators.Add(key);
                Emit(new EvidenceDetected(new DuplicateVoteEvidence(existing, vote)));
            }
            if (counts) GetRound(vote.Round).AddConflictingVote(vote, conflictingPower);
            return counts;
        }
        if (!WithinRoundBudget(vote.Sender, vote.Round) || !Verify(vote, out var power)) return false;
        Record(input);
        NoteRound(vote.Sender, vote.Round);
        GetRound(vote.Round).AddVote(vote, power);
        return true;
    }

    private bool OnCommit(CommitReceived commit)
    {
        var certificate = commit.Certificate;
        if (certificate.Height != Height || _certificate is not null || commit.Value.Length > _config.MaxValueBytes) return false;
        if (!_config.ProposalValidator.TryGetValueId(commit.Value, out var id) || id != certificate.ValueId) return false;
        if (!certificate.Verify(_validators, _config.Suite, _config.ChainId, Height, id).IsValid) return false;
        Record(commit);
        // The certificate alone decides (once the value is valid): counting its precommits into our vote sets could
        // fall short where an equivocator's other precommit already holds its slot. That conflict is evidence.
        _certificate = certificate;
        var round = _rounds.GetValueOrDefault(certificate.Round);
        foreach (var vote in Vote.PrecommitsOf(certificate))
            if (round?.Precommits.Get(vote.Sender) is { } mine && mine.ValueId != vote.ValueId && _equivocators.Add((vote.Sender, vote.Round, (byte)VoteType.Precommit)))
                Emit(new EvidenceDetected(new DuplicateVoteEvidence(mine, vote)));
        LearnValue(id, commit.Value);
        return true;
    }

    private bool OnVerdict(ValueVerdictReceived verdict)
    {
        if (verdict.Height != Height || !_values.TryGetValue(verdict.ValueId, out var entry) || entry.Verdict != ValueVerdict.Pending) return false;
        Record(verdict);
        entry.Verdict = verdict.IsValid ? ValueVerdict.Valid : ValueVerdict.Invalid;
        return true;
    }

    /// <summary>Keeps a next-height message unverified (its set may differ) until this node gets there.</summary>
    private bool BufferFuture(ConsensusMessage message, ConsensusInput? input)
    {
        if (input is null || !_validators.Contains(message.Sender) || !_future.TryAdd(message)) return false;
        Record(input);
        return false;
    }

    private bool Verify(ConsensusMessage message, out long power)
    {
        power = 0;
        if (!_validators.TryGet(message.Sender, out var validator)) return false;
        power = validator.Power;
        return message.VerifySignature(_config.ChainId, _config.Suite, validator.PublicKey);
    }

    private bool WithinRoundBudget(Address sender, int round)
    {
        if (round <= Round + 1 || !_farRounds.TryGetValue(sender, out var rounds) || rounds.Contains(round)) return true;
        return rounds.Count(r => r > Round + 1) < FarRoundBudget;
    }

    private void NoteRound(Address sender, int round)
    {
        if (round <= Round + 1) return;
        if (!_farRounds.TryGetValue(sender, out var rounds)) _farRounds[sender] = rounds = new SortedSet<int>();
        rounds.Add(round);
    }

    private RoundState GetRound(int round)
    {
        if (!_rounds.TryGetValue(round, out var state)) _rounds[round] = state = new RoundState(_validators);
        return state;
    }

    /// <summary>
    /// Remembers a value's bytes at this height and asks the host for its verdict (once per value). A synchronous
    /// verdict is written ahead; a replay takes it from the WAL (or, if the live run had to wait, waits too).
    /// </summary>
    private void LearnValue(Hash32 id, byte[] bytes)
    {
        if (_values.ContainsKey(id)) return;
        ValueVerdict verdict;
        if (_replaying)
            verdict = _replayVerdicts.GetValueOrDefault((Height, id), ValueVerdict.Pending);
        else
        {
            verdict = _config.ProposalValidator.Validate(Height, id, bytes);
            if (verdict != ValueVerdict.Pending) _wal.Add(new WalVerdict(Height, id, verdict == ValueVerdict.Valid));
        }
        _values[id] = new ValueEntry(bytes, verdict);
    }
}
