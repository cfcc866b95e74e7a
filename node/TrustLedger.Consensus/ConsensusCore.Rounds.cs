using TrustLedger.Consensus.Inputs;
using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Outputs;
using TrustLedger.Consensus.State;
using TrustLedger.Protocol.Consensus;

namespace TrustLedger.Consensus;

// Heights, rounds, timeouts and this node's own proposal value.
public sealed partial class ConsensusCore
{
    /// <summary>Enters a new height: fresh validator set, locks reset (after a decision they are moot), round 0.</summary>
    private void StartHeight(ulong height)
    {
        Height = height;
        _validators = _config.Validators.GetValidatorSet(height);
        _self = _config.SigningKey is { } key && _validators.TryGet(key.Address, out var me) && me.PublicKey.AsSpan().SequenceEqual(key.PublicKey)
            ? me
            : null;
        LockedRound = -1;
        LockedValueId = null;
        ValidRound = -1;
        ValidValueId = null;
        _ownValue = null;
        _certificate = null;
        _rounds.Clear();
        _values.Clear();
        _farRounds.Clear();
        _equivocators.Clear();
        _guard.ForgetBelow(height);
        _promoted.Clear();
        foreach (var message in _future.Drain()) _promoted.Enqueue(message); // applied by Apply once this input is done
        StartRound(0);
    }

    /// <summary>
    /// StartRound (L11). Deviation: the proposer also arms the propose timeout, so a block builder that never answers
    /// costs one round instead of stalling the node (prevoting nil is always safe).
    /// </summary>
    private void StartRound(int round)
    {
        Round = round;
        CurrentStep = RoundStep.Propose;
        ScheduleTimeout(RoundStep.Propose);
        if (IsProposer) ProposeIfReady();
    }

    private bool IsProposer => _self is not null && _validators.Proposer(Height, Round).Address == _self.Address;

    /// <summary>L14–19: re-propose the valid value (with its round as proof of lock), else a fresh value from the host.</summary>
    private void ProposeIfReady()
    {
        if (ValidValueId is { } valid) SignProposal(valid, ValidRound);
        else if (_ownValue is { } own) SignProposal(own, -1);
        else Emit(new RequestValue(Height, Round));
    }

    /// <summary>OnTimeoutPropose (L57), OnTimeoutPrevote (L61), OnTimeoutPrecommit (L65). Stale timers do nothing.</summary>
    private bool OnTimeout(TimeoutFired timeout)
    {
        if (timeout.Height != Height || timeout.Round != Round) return false;
        switch (timeout.Step)
        {
            case RoundStep.Propose when CurrentStep == RoundStep.Propose:
                Record(timeout);
                CurrentStep = RoundStep.Prevote;
                SignVote(VoteType.Prevote, null);
                return true;
            case RoundStep.Prevote when CurrentStep == RoundStep.Prevote:
                Record(timeout);
                CurrentStep = RoundStep.Precommit;
                SignVote(VoteType.Precommit, null);
                return true;
            case RoundStep.Precommit when Round < ConsensusMessage.MaxRound:
                Record(timeout);
                StartRound(Round + 1);
                return true;
            default:
                return false;
        }
    }

    /// <summary>getValue() answered. The value is this node's for the whole height, reused if it proposes again.</summary>
    private bool OnValueBuilt(ValueBuilt built)
    {
        if (built.Height != Height || _ownValue is not null) return false;
        if (built.Value.Length > _config.MaxValueBytes)
            throw new ArgumentException($"the built value has {built.Value.Length} bytes; peers drop values over {_config.MaxValueBytes}");
        if (!_config.ProposalValidator.TryGetValueId(built.Value, out var id))
            throw new ArgumentException("the host built a value its own IProposalValidator cannot identify");
        Record(built);
        _ownValue = id;
        _values.TryAdd(id, new ValueEntry(built.Value, ValueVerdict.Valid));
        if (CurrentStep == RoundStep.Propose && IsProposer && _rounds.GetValueOrDefault(Round)?.Proposal is null) ProposeIfReady();
        return true;
    }
}
