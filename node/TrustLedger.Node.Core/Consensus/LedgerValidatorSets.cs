using TrustLedger.Consensus.Validators;
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
/// Validator sets from committed governance state (<see cref="LedgerState.ValidatorSetAt"/>). The set of a height
/// never changes once the state fixes it (governance schedules at least two heights ahead), so sets are cached by
/// height. Thread-safe: the core asks from the driver loop, peer authentication from gRPC threads.
/// </summary>
public sealed class LedgerValidatorSets(LedgerState ledger) : IValidatorSetSource, IValidatorSetProvider
{
    private const int CacheSize = 64;
    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, ValidatorSet> _byHeight = new();

    public ValidatorSet ForHeight(ulong height)
    {
        lock (_lock)
            if (_byHeight.TryGetValue(height, out var cached)) return cached;
        var set = ledger.ValidatorSetAt(height);
        lock (_lock)
        {
            if (_byHeight.Count >= CacheSize) _byHeight.Remove(_byHeight.Keys.Min());
            _byHeight[height] = set;
        }
        return set;
    }

    public ValidatorSet GetValidatorSet(ulong height) => ForHeight(height);
}
