using TrustLedger.Consensus.Messages;
using TrustLedger.Protocol.Consensus;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Consensus.State;

/// <summary>Everything received in one round of the current height, plus the "for the first time" flags of Algorithm 1.</summary>
internal sealed class RoundState
{
    private readonly ValidatorSet _validators;
    private readonly HashSet<Address> _senders = new();

    public RoundState(ValidatorSet validators)
    {
        _validators = validators;
        Prevotes = new VoteSet(validators);
        Precommits = new VoteSet(validators);
    }

    /// <summary>The first proposal received from the round's proposer: the one the prevote rules act on.</summary>
    public Proposal? Proposal { get; private set; }

    /// <summary>
    /// Proposals by value: the first, plus any conflicting one whose value already has f+1 votes in the round —
    /// an equivocating proposer may have shown honest validators a value other than the one we saw first.
    /// </summary>
    public Dictionary<Hash32, Proposal> ProposalsByValue { get; } = new();

    public VoteSet Prevotes { get; }
    public VoteSet Precommits { get; }

    /// <summary>Voting power of distinct validators that sent anything in this round (the f+1 round-skip rule).</summary>
    public long SenderPower { get; private set; }

    public bool PrevoteTimeoutScheduled { get; set; }
    public bool PrecommitTimeoutScheduled { get; set; }
    public bool LockRuleFired { get; set; }

    public VoteSet Votes(VoteType type) => type == VoteType.Prevote ? Prevotes : Precommits;

    public void AddFirstProposal(Proposal proposal, long power)
    {
        Proposal = proposal;
        ProposalsByValue[proposal.ValueId] = proposal;
        NoteSender(proposal.Sender, power);
    }

    public void AddExtraProposal(Proposal proposal) => ProposalsByValue.TryAdd(proposal.ValueId, proposal);

    public void AddVote(Vote vote, long power)
    {
        Votes(vote.Type).Add(vote, power);
        NoteSender(vote.Sender, power);
    }

    public void AddConflictingVote(Vote vote, long power) => Votes(vote.Type).AddConflicting(vote, power);

    /// <summary>True when <paramref name="valueId"/> has more than 1/3 of the power in prevotes or precommits.</summary>
    public bool HasOneThirdFor(Hash32 valueId) =>
        _validators.IsOneThird(Prevotes.PowerFor(valueId)) || _validators.IsOneThird(Precommits.PowerFor(valueId));

    private void NoteSender(Address sender, long power)
    {
        if (_senders.Add(sender)) SenderPower = checked(SenderPower + power);
    }

    /// <summary>Every signed message held for this round (gossip).</summary>
    public IEnumerable<ConsensusMessage> Messages() =>
        ProposalsByValue.OrderBy(p => p.Key).Select(p => (ConsensusMessage)p.Value).Concat(Prevotes.Votes).Concat(Precommits.Votes);
}
