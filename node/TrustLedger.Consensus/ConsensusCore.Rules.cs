using TrustLedger.Consensus.Outputs;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus;

// The "upon" rules of Algorithm 1 (line numbers refer to the paper). After every accepted input they run to a
// fixpoint; each fires only when its precondition newly holds, so the loop ends.
public sealed partial class ConsensusCore
{
    private void Evaluate()
    {
        while (true)
        {
            if (TryDecide()) continue;
            var progressed = TrySkipRound();
            progressed |= TryPrevote();
            progressed |= TryLock();
            progressed |= TryPrecommitNil();
            progressed |= TryStepTimeouts();
            if (!progressed) return;
        }
    }

    /// <summary>
    /// L49: 2f+1 precommits for id(v) in any round r, v known and valid → decide. The value's bytes may come from a
    /// proposal or from block sync; the id binds them either way. A verified certificate from block sync stands in
    /// for the precommits.
    /// </summary>
    private bool TryDecide()
    {
        CommitCertificate? certificate = null;
        foreach (var (round, state) in _rounds)
        {
            if (state.Precommits.QuorumValue is not { } id || (certificate is not null && certificate.Round < round) || !IsValid(id)) continue;
            var precommits = state.Precommits.VotesFor(id).Select(v => new PrecommitSignature(v.Sender, v.Signature)).ToList();
            certificate = new CommitCertificate(Height, round, id, precommits);
        }
        if (certificate is null && _certificate is not null && IsValid(_certificate.ValueId)) certificate = _certificate;
        if (certificate is null) return false;

        var decision = new Decision(Height, certificate.Round, certificate.ValueId, _values[certificate.ValueId].Bytes, certificate);
        LastDecision = decision;
        Emit(new Decided(decision));
        StartHeight(Height + 1);
        return true;
    }

    private bool IsValid(Hash32 id) => _values.TryGetValue(id, out var value) && value.Verdict == ValueVerdict.Valid;

    /// <summary>L55: messages from f+1 distinct validators in a higher round → jump to it (at least one honest node is there).</summary>
    private bool TrySkipRound()
    {
        var target = -1;
        foreach (var (round, state) in _rounds)
            if (round > Round && round > target && _validators.IsOneThird(state.SenderPower)) target = round;
        if (target < 0) return false;
        StartRound(target);
        return true;
    }

    /// <summary>
    /// L22 (fresh proposal) and L28 (proposal re-proposing a value with a proof of lock from round vr): prevote the
    /// value if it is valid and the lock allows it, else nil. Waits while the verdict or the POL is missing.
    /// </summary>
    private bool TryPrevote()
    {
        if (CurrentStep != RoundStep.Propose) return false;
        var proposal = _rounds.GetValueOrDefault(Round)?.Proposal;
        if (proposal is null) return false;
        var verdict = _values[proposal.ValueId].Verdict;
        if (verdict == ValueVerdict.Pending) return false;

        bool lockAllows;
        if (proposal.ValidRound < 0)
            lockAllows = LockedRound == -1 || LockedValueId == proposal.ValueId;
        else if (_rounds.GetValueOrDefault(proposal.ValidRound)?.Prevotes.HasQuorumFor(proposal.ValueId) == true)
            lockAllows = LockedRound <= proposal.ValidRound || LockedValueId == proposal.ValueId;
        else
            return false;
        if (_config.UnsafeDisableLocking) lockAllows = true;

        CurrentStep = RoundStep.Prevote;
        SignVote(VoteType.Prevote, verdict == ValueVerdict.Valid && lockAllows ? proposal.ValueId : null);
        return true;
    }

    /// <summary>
    /// L36: the round's proposal has 2f+1 prevotes and is valid → (first time only) lock on it and precommit it if
    /// still in prevote; in any case remember it as the valid value to re-propose.
    /// </summary>
    private bool TryLock()
    {
        if (CurrentStep < RoundStep.Prevote) return false;
        var state = _rounds.GetValueOrDefault(Round);
        if (state is null || state.LockRuleFired || state.Prevotes.QuorumValue is not { } id) return false;
        if (!state.ProposalsByValue.ContainsKey(id) || _values[id].Verdict != ValueVerdict.Valid) return false;
        state.LockRuleFired = true;
        if (CurrentStep == RoundStep.Prevote)
        {
            LockedValueId = id;
            LockedRound = Round;
            CurrentStep = RoundStep.Precommit;
            SignVote(VoteType.Precommit, id);
        }
        ValidValueId = id;
        ValidRound = Round;
        return true;
    }

    /// <summary>L44: 2f+1 prevotes for nil → precommit nil.</summary>
    private bool TryPrecommitNil()
    {
        if (CurrentStep != RoundStep.Prevote || _rounds.GetValueOrDefault(Round)?.Prevotes.NilQuorum != true) return false;
        CurrentStep = RoundStep.Precommit;
        SignVote(VoteType.Precommit, null);
        return true;
    }

    /// <summary>L34 (2f+1 prevotes of any kind while in prevote) and L47 (2f+1 precommits of any kind): arm the step timeout once.</summary>
    private bool TryStepTimeouts()
    {
        var state = _rounds.GetValueOrDefault(Round);
        if (state is null) return false;
        var progressed = false;
        if (CurrentStep == RoundStep.Prevote && !state.PrevoteTimeoutScheduled && state.Prevotes.AnyQuorum)
        {
            state.PrevoteTimeoutScheduled = true;
            ScheduleTimeout(RoundStep.Prevote);
            progressed = true;
        }
        if (!state.PrecommitTimeoutScheduled && state.Precommits.AnyQuorum)
        {
            state.PrecommitTimeoutScheduled = true;
            ScheduleTimeout(RoundStep.Precommit);
            progressed = true;
        }
        return progressed;
    }

    private void ScheduleTimeout(RoundStep step) =>
        Emit(new ScheduleTimeout(Height, Round, step, _config.Timeouts.For(step, Round)));
}
