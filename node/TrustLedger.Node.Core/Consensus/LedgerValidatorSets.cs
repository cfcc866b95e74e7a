using TrustLedger.Consensus.Validators;
using TrustLedger.Contracts.Membership;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Protocol.Consensus;

namespace TrustLedger.Node.Core.Consensus;

/// <summary>The validator set of a height, as far as this node can know it.</summary>
public interface IValidatorSetSource
{
    /// <summary>The set that orders and signs block <paramref name="height"/>. Thread-safe.</summary>
    ValidatorSet ForHeight(ulong height);
}

/// <summary>
/// Validator sets from committed governance state (the genesis set, then every SetValidators proposal from its
/// effective height). Governance schedules a change at least two heights ahead, so the set of any height the core
/// can be working on is already fixed by the head this node has applied. Thread-safe; sets are cached by schedule entry.
/// </summary>
public sealed class LedgerValidatorSets(LedgerState ledger) : IValidatorSetSource, IValidatorSetProvider
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, ValidatorSet> _byEffectiveHeight = new();

    public ValidatorSet ForHeight(ulong height)
    {
        var entry = ledger.ReadState(state => MembershipState.ValidatorsAt(state, height))
            ?? throw new InvalidOperationException($"no validator set covers height {height}");
        lock (_lock)
        {
            if (_byEffectiveHeight.TryGetValue(entry.EffectiveHeight, out var cached)) return cached;
            var set = new ValidatorSet(entry.Validators.Select(v =>
                new Validator(ledger.Chain.Suite.AddressOf(v.PublicKey.Span), v.PublicKey.ToByteArray())));
            _byEffectiveHeight[entry.EffectiveHeight] = set;
            return set;
        }
    }

    public ValidatorSet GetValidatorSet(ulong height) => ForHeight(height);
}
