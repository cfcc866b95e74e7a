using TrustLedger.Protocol.Consensus;

namespace TrustLedger.Consensus.Validators;

/// <summary>A schedule of validator sets: each set applies from its start height until the next one (genesis plus governance changes).</summary>
public sealed class StaticValidatorSetProvider : IValidatorSetProvider
{
    private readonly SortedList<ulong, ValidatorSet> _schedule = new();

    /// <summary>A provider whose set never changes.</summary>
    public StaticValidatorSetProvider(ValidatorSet genesisSet) => _schedule.Add(0, genesisSet);

    /// <summary>Adds a change that takes effect at <paramref name="fromHeight"/>.</summary>
    public StaticValidatorSetProvider ChangeAt(ulong fromHeight, ValidatorSet set)
    {
        _schedule[fromHeight] = set;
        return this;
    }

    public ValidatorSet GetValidatorSet(ulong height)
    {
        ValidatorSet current = _schedule.Values[0];
        foreach (var (from, set) in _schedule)
        {
            if (from > height) break;
            current = set;
        }
        return current;
    }
}
