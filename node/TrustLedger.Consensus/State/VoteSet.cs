using TrustLedger.Consensus.Messages;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.State;

/// <summary>
/// The votes of one type in one round. Each validator counts once in the "any" total (its first vote) and at most
/// once in each value's tally. An equivocator's conflicting vote may count toward another value's tally — as in
/// CometBFT — because a proof of lock another honest node saw may rest on it; it never counts twice in one tally,
/// so every quorum still holds 2f+1 distinct validators.
/// </summary>
internal sealed class VoteSet
{
    private readonly ValidatorSet _validators;
    private readonly Dictionary<Address, Vote> _first = new();
    private readonly Dictionary<Hash32, Dictionary<Address, Vote>> _byValue = new(); // nil is keyed as Hash32.Zero, which no value id may be
    private readonly Dictionary<Hash32, long> _power = new();

    public VoteSet(ValidatorSet validators) => _validators = validators;

    /// <summary>Power of distinct validators that voted at all.</summary>
    public long TotalPower { get; private set; }

    /// <summary>The first value to reach more than 2/3 of the power, if any.</summary>
    public Hash32? QuorumValue { get; private set; }

    public bool NilQuorum { get; private set; }

    public bool AnyQuorum => _validators.IsQuorum(TotalPower);

    public int Count => _first.Count;

    /// <summary>The first vote seen from <paramref name="validator"/>.</summary>
    public Vote? Get(Address validator) => _first.GetValueOrDefault(validator);

    /// <summary>True when <paramref name="validator"/>'s vote for <paramref name="valueId"/> is already counted.</summary>
    public bool Counts(Address validator, Hash32? valueId) =>
        _byValue.TryGetValue(valueId ?? Hash32.Zero, out var voters) && voters.ContainsKey(validator);

    /// <summary>Adds a validator's first vote.</summary>
    public void Add(Vote vote, long power)
    {
        _first.Add(vote.Sender, vote);
        TotalPower = checked(TotalPower + power);
        Tally(vote, power);
    }

    /// <summary>Adds an equivocator's vote for another value to that value's tally only.</summary>
    public void AddConflicting(Vote vote, long power) => Tally(vote, power);

    private void Tally(Vote vote, long power)
    {
        var key = vote.ValueId ?? Hash32.Zero;
        if (!_byValue.TryGetValue(key, out var voters)) _byValue[key] = voters = new Dictionary<Address, Vote>();
        if (!voters.TryAdd(vote.Sender, vote)) return;
        var tally = checked(_power.GetValueOrDefault(key) + power);
        _power[key] = tally;
        if (!_validators.IsQuorum(tally)) return;
        if (vote.ValueId is { } id) QuorumValue ??= id;
        else NilQuorum = true;
    }

    public long PowerFor(Hash32? valueId) => _power.GetValueOrDefault(valueId ?? Hash32.Zero);

    public bool HasQuorumFor(Hash32? valueId) => _validators.IsQuorum(PowerFor(valueId));

    /// <summary>Every counted vote (first and conflicting), in validator-set order then nil first, then by value id.</summary>
    public IEnumerable<Vote> Votes =>
        _byValue.OrderBy(e => e.Key).SelectMany(e => _validators.Validators.Select(v => e.Value.GetValueOrDefault(v.Address)).OfType<Vote>());

    /// <summary>The votes for <paramref name="valueId"/>, in validator-set order (a canonical certificate order).</summary>
    public List<Vote> VotesFor(Hash32 valueId)
    {
        var votes = new List<Vote>();
        if (!_byValue.TryGetValue(valueId, out var voters)) return votes;
        foreach (var validator in _validators.Validators)
            if (voters.TryGetValue(validator.Address, out var vote)) votes.Add(vote);
        return votes;
    }
}
