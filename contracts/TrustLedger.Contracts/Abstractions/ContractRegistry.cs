using System.Collections.Frozen;
using TrustLedger.Contracts.Governance;
using TrustLedger.Contracts.Grants;
using TrustLedger.Contracts.Handovers;
using TrustLedger.Contracts.Points;
using TrustLedger.Protocol.Crypto;

namespace TrustLedger.Contracts.Abstractions;

/// <summary>Routes a transaction type (<c>prefix.action</c>) to the contract owning its prefix.</summary>
public sealed class ContractRegistry
{
    private readonly FrozenDictionary<string, IContract> _byPrefix;

    public ContractRegistry(IEnumerable<IContract> contracts) =>
        _byPrefix = contracts.ToFrozenDictionary(c => c.Prefix, StringComparer.Ordinal);

    /// <summary>Only the <c>anchor</c> contract: for tests of the envelope. A network uses <see cref="Create"/>.</summary>
    public static ContractRegistry Default { get; } = new([new Anchors.AnchorContract()]);

    /// <summary>
    /// Every contract of this release for a network: <c>anchor</c>, <c>gov</c>, <c>data</c>, <c>case</c>, <c>points</c>.
    /// <paramref name="suite"/> checks keys in proposals and residents' redemption signatures; <paramref name="chainId"/>
    /// binds those signatures to this network. Every node must pass the same values.
    /// </summary>
    public static ContractRegistry Create(ICryptoSuite suite, string chainId, PointsOptions? points = null) => new(
    [
        new Anchors.AnchorContract(),
        new GovernanceContract(suite),
        new DataSharingContract(),
        new HandoverContract(),
        new PointsContract(suite, chainId, points),
    ]);

    public IContract? Find(string txType)
    {
        var dot = txType.IndexOf('.');
        return dot <= 0 ? null : _byPrefix.GetValueOrDefault(txType[..dot]);
    }

    public IEnumerable<string> Prefixes => _byPrefix.Keys.Order(StringComparer.Ordinal);
}
