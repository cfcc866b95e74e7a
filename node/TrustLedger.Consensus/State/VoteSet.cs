using TrustLedger.Consensus.Messages;
using TrustLedger.Consensus.Validators;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.State;

/// <summary>
/// The votes of one type in one round: at most one per validator (the first seen; a conflicting second is
/// equivocation and never counted), with voting power tallied per value id.
/// </summary>
internal sealed class VoteSet
{
    private readonly ValidatorSet _validators;
    private readonly Dictionary<Address, Vote> _byValidator = new();
    private readonly Dictionary<Hash32, long> _powerByValue = new(); // nil is keyed as Hash32.Zero, which no value id may be

    public VoteSet(ValidatorSet validators) => _validators = validators;

    public long TotalPower { get; private set; }

    /// <summary>The value with more than 2/3 of the power, if any (at most one can have it).</summary>
    public Hash32? QuorumValue { get; private set; }

    public bool NilQuorum { get; private set; }

    public bool AnyQuorum => _validators.IsQuorum(TotalPower);

    public int Count => _byValidator.Count;

    public IEnumerable<Vote> Votes => _byValidator.Values;

    public Vote? Get(Address validator) => _byValidator.GetValueOrDefault(validator);

    /// <summary>Adds a vote from a validator with no vote here yet.</summary>
    public void Add(Vote vote, long power)
    {
        _byValidator.Add(vote.Sender, vote);
        TotalPower = checked(TotalPower + power);
        var key = vote.ValueId ?? Hash32.Zero;
        var tally = checked(_powerByValue.GetValueOrDefault(key) + power);
        _powerByValue[key] = tally;
        if (!_validators.IsQuorum(tally)) return;
        if (vote.ValueId is { } id) QuorumValue = id;
        else NilQuorum = true;
    }

    public long PowerFor(Hash32? valueId) => _powerByValue.GetValueOrDefault(valueId ?? Hash32.Zero);

    public bool HasQuorumFor(Hash32? valueId) => _validators.IsQuorum(PowerFor(valueId));

    /// <summary>The votes for <paramref name="valueId"/>, in validator-set order (a canonical certificate order).</summary>
    public List<Vote> VotesFor(Hash32 valueId)
    {
        var votes = new List<Vote>();
        foreach (var validator in _validators.Validators)
            if (_byValidator.TryGetValue(validator.Address, out var vote) && vote.ValueId == valueId) votes.Add(vote);
        return votes;
    }
}
