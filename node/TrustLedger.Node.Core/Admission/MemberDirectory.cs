using System.Collections.Frozen;
using TrustLedger.Node.Core.Chain;
using TrustLedger.Protocol.Primitives;

namespace TrustLedger.Node.Core.Admission;

/// <summary>
/// Thread-safe snapshot of member keys for admission. The ledger state stays authoritative (blocks are
/// validated against it); the chain driver replaces the snapshot when governance changes membership.
/// </summary>
public sealed class MemberDirectory
{
    private volatile FrozenDictionary<Address, string> _organisationByKey;

    public MemberDirectory(ChainConfig chain) =>
        _organisationByKey = chain.Genesis.Organisations
            .SelectMany(o => o.Keys.Select(k => (Address: chain.Suite.AddressOf(Hex.Decode(k)), o.Id)))
            .ToFrozenDictionary(x => x.Address, x => x.Id);

    public string? OrganisationOf(Address key) => _organisationByKey.GetValueOrDefault(key);

    public void Replace(IEnumerable<KeyValuePair<Address, string>> members) => _organisationByKey = members.ToFrozenDictionary();
}
