using System.Collections.Frozen;

namespace TrustLedger.Contracts.Abstractions;

/// <summary>Routes a transaction type (<c>prefix.action</c>) to the contract owning its prefix.</summary>
public sealed class ContractRegistry
{
    private readonly FrozenDictionary<string, IContract> _byPrefix;

    public ContractRegistry(IEnumerable<IContract> contracts) =>
        _byPrefix = contracts.ToFrozenDictionary(c => c.Prefix, StringComparer.Ordinal);

    /// <summary>The contracts of this release, in a fixed order.</summary>
    public static ContractRegistry Default { get; } = new([new Anchors.AnchorContract()]);

    public IContract? Find(string txType)
    {
        var dot = txType.IndexOf('.');
        return dot <= 0 ? null : _byPrefix.GetValueOrDefault(txType[..dot]);
    }

    public IEnumerable<string> Prefixes => _byPrefix.Keys.Order(StringComparer.Ordinal);
}
